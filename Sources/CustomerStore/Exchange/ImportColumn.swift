/// What a column of an import file holds: a field of ``Customer``, a custom attribute, or
/// nothing to import.
///
/// ```swift
/// ImportColumn(header: "Số điện thoại")  // .phones
/// ImportColumn(header: "HO VA TEN")      // .fullName
/// ImportColumn(header: "attr.store")     // .attribute("store")
/// ImportColumn(header: "Sở thích")       // .attribute("Sở thích")
/// ```
public enum ImportColumn: Sendable, Hashable {
    /// ``Customer/code``: `code`, `mã khách hàng`, `mã kh`.
    case code
    /// ``Customer/fullName``: `full_name`, `name`, `họ tên`, `họ và tên`.
    case fullName
    /// ``Customer/phones``, several per cell: `phones`, `phone`, `số điện thoại`, `sđt`, `điện thoại`.
    case phones
    /// ``Customer/emails``, several per cell: `emails`, `email`.
    case emails
    /// ``Customer/gender``: `gender`, `giới tính`.
    case gender
    /// ``Customer/birthDate``: `birth_date`, `ngày sinh`.
    case birthDate
    /// ``Address/province``: `province`, `city`, `tỉnh`, `thành phố`, `tỉnh/thành phố`.
    case province
    /// ``Address/raw``, the address in one piece: `address`, `địa chỉ`.
    case address
    /// ``Address/street``: `street`.
    case street
    /// ``Address/ward``: `ward`, `phường`, `xã`.
    case ward
    /// ``Address/country``: `country`, `quốc gia`.
    case country
    /// ``Customer/segment``: `segment`, `phân khúc`.
    case segment
    /// ``Customer/tier``: `tier`, `hạng`.
    case tier
    /// ``Customer/tags``, several per cell: `tags`.
    case tags
    /// ``Customer/points``: `points`, `điểm`.
    case points
    /// ``Customer/totalSpent``: `total_spent`.
    case totalSpent
    /// ``Customer/orderCount``: `order_count`.
    case orderCount
    /// ``Customer/lastPurchaseAt``: `last_purchase`.
    case lastPurchase
    /// ``Customer/lastInteractionAt``: `last_interaction`.
    case lastInteraction
    /// ``Customer/createdAt``: `created_at`.
    case createdAt
    /// ``Customer/updatedAt``: `updated_at`.
    case updatedAt
    /// ``Customer/owner``: `owner`.
    case owner
    /// ``Customer/preferredChannel``: `channel`.
    case channel
    /// ``Customer/lifecycle``: `lifecycle`.
    case lifecycle
    /// ``Customer/occupation``: `occupation`, `nghề nghiệp`.
    case occupation
    /// ``Customer/jobTitle``: `job_title`, `chức vụ`.
    case jobTitle
    /// ``Customer/education``: `education`, `học vấn`.
    case education
    /// ``Customer/maritalStatus``: `marital_status`.
    case maritalStatus
    /// ``Customer/incomeBand``: `income_band`, `thu nhập`.
    case incomeBand
    /// ``Customer/restricted``, yes or no: `restricted`.
    case restricted
    /// ``Customer/sources`` as `system:id`, several per cell separated by `;`: `sources`.
    case sources
    /// A custom attribute with this name (a string value).
    case attribute(String)
    /// A column the import leaves alone: `line` and `reason` of a rejects file.
    case ignored

    /// The column a header names: English or Vietnamese names in any case, with or without
    /// diacritics, `_`, `-` or spaces between words (see the table in the source).
    /// `attr.NAME` names attribute `NAME`; any other header names the attribute of that name,
    /// trimmed, as written.
    ///
    /// ```swift
    /// ImportColumn(header: "Ngày sinh")   // .birthDate
    /// ImportColumn(header: "TOTAL_SPENT") // .totalSpent
    /// ```
    public init(header: String) {
        let trimmed = String(TextNormalizer.trimmed(header))
        if trimmed.lowercased().hasPrefix("attr."), trimmed.count > 5 {
            self = .attribute(String(trimmed.dropFirst(5)))
            return
        }
        self = Self.aliases[Self.fold(trimmed)] ?? .attribute(trimmed)
    }

    /// The header an export writes for this column: `code`, `full_name`, ..., `attr.NAME`.
    ///
    /// ```swift
    /// ImportColumn.totalSpent.canonicalHeader  // "total_spent"
    /// ```
    public var canonicalHeader: String {
        switch self {
        case .attribute(let name): "attr." + name
        case .ignored: ""
        default: Self.canonical[self] ?? ""
        }
    }

    /// The header folded for matching: search-folded, `_` and `-` as spaces.
    static func fold(_ header: String) -> String {
        let folded = TextNormalizer.searchFold(header)
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return folded.split(separator: " ").joined(separator: " ")
    }

    private static let table: [(ImportColumn, String, [String])] = [
        (.code, "code", ["ma khach hang", "ma kh", "customer code", "ma"]),
        (.fullName, "full_name", ["name", "ho ten", "ho va ten", "ten khach hang", "customer name", "ten"]),
        (.phones, "phones", ["phone", "phone number", "mobile", "so dien thoai", "sdt", "dien thoai", "di dong"]),
        (.emails, "emails", ["email", "e mail", "thu dien tu"]),
        (.gender, "gender", ["sex", "gioi tinh"]),
        (.birthDate, "birth_date", ["birthdate", "date of birth", "dob", "birthday", "ngay sinh"]),
        (.province, "province", ["city", "tinh", "thanh pho", "tinh/thanh pho", "tinh / thanh pho",
                                 "tinh thanh pho", "tinh thanh"]),
        (.address, "address", ["dia chi"]),
        (.street, "street", ["duong", "so nha"]),
        (.ward, "ward", ["phuong", "xa", "phuong/xa", "phuong xa"]),
        (.country, "country", ["quoc gia"]),
        (.segment, "segment", ["phan khuc", "nhom"]),
        (.tier, "tier", ["hang", "hang thanh vien"]),
        (.tags, "tags", ["tag", "nhan"]),
        (.points, "points", ["diem", "diem tich luy"]),
        (.totalSpent, "total_spent", ["tong chi tieu"]),
        (.orderCount, "order_count", ["orders", "so don hang", "so don"]),
        (.lastPurchase, "last_purchase", ["last purchase at", "lan mua cuoi", "mua gan nhat"]),
        (.lastInteraction, "last_interaction", ["last interaction at", "tuong tac cuoi"]),
        (.createdAt, "created_at", ["ngay tao"]),
        (.updatedAt, "updated_at", ["ngay cap nhat"]),
        (.owner, "owner", ["nguoi phu trach", "nhan vien phu trach", "phu trach"]),
        (.channel, "channel", ["preferred channel", "kenh", "kenh lien he"]),
        (.lifecycle, "lifecycle", ["giai doan"]),
        (.occupation, "occupation", ["nghe nghiep"]),
        (.jobTitle, "job_title", ["chuc vu"]),
        (.education, "education", ["hoc van", "trinh do"]),
        (.maritalStatus, "marital_status", ["tinh trang hon nhan", "hon nhan"]),
        (.incomeBand, "income_band", ["thu nhap"]),
        (.restricted, "restricted", ["han che"]),
        (.sources, "sources", ["source", "nguon"]),
        (.ignored, "", ["line", "reason"]),
    ]

    private static let aliases: [String: ImportColumn] = {
        var map: [String: ImportColumn] = [:]
        for (column, name, others) in table {
            for alias in [name] + others where !alias.isEmpty { map[fold(alias)] = column }
        }
        return map
    }()

    private static let canonical: [ImportColumn: String] = {
        var map: [ImportColumn: String] = [:]
        for (column, name, _) in table { map[column] = name }
        return map
    }()

    /// The columns an export writes, in order, before the attributes.
    static let exportOrder: [ImportColumn] = [
        .code, .fullName, .phones, .emails, .gender, .birthDate, .province, .address,
        .segment, .tier, .tags, .points, .totalSpent, .orderCount, .lastPurchase, .lastInteraction,
        .createdAt, .updatedAt, .owner, .channel, .lifecycle,
        .street, .ward, .country, .occupation, .jobTitle, .education, .maritalStatus, .incomeBand,
        .restricted, .sources,
    ]
}
