/// The word lists and weights ``CustomerGenerator`` draws from: Vietnamese names, places,
/// email domains and the business's own labels. Weights are rough shares, not census data.
enum GenerationVocabulary {
    // MARK: Names

    /// Family names, weighted in tenths of a percent (Nguyễn about 38%).
    static let familyNames = WeightedTable<FoldedWord>([
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 25),
        ("Phan", 45), ("Vũ", 25), ("Võ", 25), ("Đặng", 20), ("Bùi", 20), ("Đỗ", 15), ("Hồ", 13),
        ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 8), ("Trương", 8), ("Đoàn", 6),
        ("Trịnh", 5), ("Mai", 5), ("Cao", 4), ("Lương", 4), ("Lâm", 4), ("Hà", 4), ("Tạ", 3),
        ("Châu", 3), ("Lưu", 3), ("Tôn", 2), ("Quách", 2), ("Vương", 2), ("La", 2), ("Thái", 2),
    ].map { (FoldedWord($0.0), $0.1) })

    /// Middle names for men; `Văn` the most common.
    static let maleMiddleNames = WeightedTable<FoldedWord>([
        ("Văn", 30), ("Minh", 12), ("Đức", 10), ("Hữu", 8), ("Quang", 8), ("Quốc", 6),
        ("Thành", 6), ("Công", 5), ("Trọng", 5), ("Gia", 4), ("Hoàng", 4), ("Xuân", 3),
        ("Tuấn", 3), ("Anh", 3), ("Ngọc", 3), ("Đình", 4), ("Bá", 2), ("Mạnh", 2),
    ].map { (FoldedWord($0.0), $0.1) })

    /// Middle names for women; `Thị` the most common.
    static let femaleMiddleNames = WeightedTable<FoldedWord>([
        ("Thị", 35), ("Ngọc", 10), ("Thu", 8), ("Thanh", 8), ("Phương", 5), ("Kim", 5),
        ("Hồng", 5), ("Minh", 4), ("Bảo", 4), ("Khánh", 4), ("Mỹ", 4), ("Thùy", 4), ("Hoài", 3),
        ("Diệu", 2), ("Hải", 2), ("Quỳnh", 2),
    ].map { (FoldedWord($0.0), $0.1) })

    /// Given names for men.
    static let maleGivenNames: [FoldedWord] = [
        "An", "Bảo", "Bình", "Công", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu",
        "Hoàng", "Hùng", "Huy", "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Long", "Lộc", "Minh",
        "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
        "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hiệp", "Lâm", "Tiến",
    ].map(FoldedWord.init)

    /// Given names for women.
    static let femaleGivenNames: [FoldedWord] = [
        "Anh", "Châu", "Chi", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
        "Hồng", "Huyền", "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc",
        "Nhung", "Nhi", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang",
        "Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Hậu", "Trinh", "Thư", "Ly",
    ].map(FoldedWord.init)

    // MARK: Places

    /// Provinces and cities, weighted: the two big cities first, then a long tail.
    static let provinces = WeightedTable<String>([
        ("TP Hồ Chí Minh", 240), ("Hà Nội", 180), ("Đà Nẵng", 50), ("Hải Phòng", 45),
        ("Bình Dương", 40), ("Đồng Nai", 35), ("Cần Thơ", 35), ("Khánh Hòa", 20),
        ("Quảng Ninh", 20), ("Nghệ An", 20), ("Thanh Hóa", 20), ("Bắc Ninh", 15),
        ("Thừa Thiên Huế", 15), ("Bà Rịa - Vũng Tàu", 15), ("Long An", 15), ("Lâm Đồng", 12),
        ("Hải Dương", 12), ("Thái Nguyên", 10), ("Nam Định", 10), ("An Giang", 10),
        ("Kiên Giang", 10), ("Tiền Giang", 10), ("Bình Định", 10), ("Đắk Lắk", 10),
        ("Quảng Nam", 10), ("Vĩnh Phúc", 8), ("Hưng Yên", 8), ("Thái Bình", 8), ("Bắc Giang", 8),
        ("Phú Thọ", 6), ("Ninh Bình", 6), ("Hà Tĩnh", 6), ("Quảng Ngãi", 6), ("Gia Lai", 6),
        ("Tây Ninh", 6), ("Bến Tre", 6), ("Vĩnh Long", 5), ("Đồng Tháp", 5), ("Sóc Trăng", 5),
        ("Cà Mau", 5), ("Bạc Liêu", 4), ("Trà Vinh", 4), ("Hậu Giang", 3), ("Bình Thuận", 5),
        ("Ninh Thuận", 3), ("Phú Yên", 4), ("Quảng Bình", 4), ("Quảng Trị", 3), ("Kon Tum", 2),
        ("Đắk Nông", 2), ("Bình Phước", 4), ("Hòa Bình", 3), ("Lào Cai", 3), ("Yên Bái", 2),
        ("Sơn La", 3), ("Điện Biên", 2), ("Lai Châu", 1), ("Hà Giang", 2), ("Cao Bằng", 1),
        ("Lạng Sơn", 2), ("Tuyên Quang", 2), ("Bắc Kạn", 1), ("Hà Nam", 4),
    ])

    /// Wards of Hà Nội.
    static let hanoiWards = [
        "Phường Láng Hạ", "Phường Cầu Giấy", "Phường Hoàn Kiếm", "Phường Ba Đình",
        "Phường Đống Đa", "Phường Hai Bà Trưng", "Phường Tây Hồ", "Phường Long Biên",
        "Phường Hà Đông", "Phường Thanh Xuân", "Phường Kim Liên", "Phường Dịch Vọng",
    ]

    /// Wards of TP Hồ Chí Minh.
    static let saigonWards = [
        "Phường Sài Gòn", "Phường Bến Thành", "Phường Tân Định", "Phường Bình Thạnh",
        "Phường Gò Vấp", "Phường Phú Nhuận", "Phường Thủ Đức", "Phường Tân Bình",
        "Phường Bình Tân", "Phường An Khánh", "Phường Chợ Lớn", "Phường Xuân Hòa",
    ]

    /// Ward names found in many provinces.
    static let commonWards = [
        "Phường 1", "Phường 2", "Phường 3", "Phường 4", "Phường 5", "Phường 7", "Phường 9",
        "Phường Tân An", "Phường Hòa Bình", "Phường Trung Tâm", "Phường An Phú", "Phường Hưng Lợi",
        "Xã Tân Phú", "Xã Hòa Bình", "Xã An Thạnh", "Xã Phước Long", "Thị trấn Đông Anh",
    ]

    /// Street names.
    static let streets = [
        "Lê Lợi", "Nguyễn Huệ", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt",
        "Điện Biên Phủ", "Nguyễn Trãi", "Lê Duẩn", "Cách Mạng Tháng Tám", "Phan Đình Phùng",
        "Quang Trung", "Hùng Vương", "Nguyễn Văn Cừ", "Võ Văn Tần", "Pasteur", "Bạch Đằng",
        "Lê Văn Sỹ", "Nguyễn Thị Minh Khai", "Trường Chinh", "Giải Phóng", "Xuân Thủy",
        "Phạm Văn Đồng", "Nguyễn Văn Linh", "Lạc Long Quân", "Tôn Đức Thắng", "Hoàng Diệu",
    ]

    // MARK: Contact

    /// Mobile prefixes (after the trunk 0) of first phone numbers.
    static let primaryPhonePrefixes: [UInt8] = [
        32, 33, 34, 35, 36, 37, 38, 39, 70, 76, 77, 78, 79, 81, 83, 84, 85, 86, 88, 90, 91, 93,
        94, 96, 97, 98,
    ]

    /// Mobile prefixes of second phone numbers; none is a first-number prefix, so the two
    /// kinds never meet.
    static let secondPhonePrefixes: [UInt8] = [52, 55, 56, 58, 59, 82, 87, 89, 92, 99]

    /// Email domains, weighted.
    static let emailDomains = WeightedTable<String>([
        ("gmail.com", 600), ("yahoo.com", 90), ("outlook.com", 50), ("hotmail.com", 40),
        ("icloud.com", 30), ("yahoo.com.vn", 30), ("fpt.com.vn", 15), ("vnpt.vn", 10),
        ("anphat.vn", 10), ("minhlong.com.vn", 10), ("hoangha.vn", 10), ("saigontech.vn", 10),
        ("vietduc.com.vn", 8), ("thanhcong.vn", 8),
    ])

    // MARK: Business labels

    /// Segments, weighted.
    static let segments = WeightedTable<String>([
        ("new", 20), ("loyal", 14), ("potential loyalist", 12), ("at risk", 10),
        ("hibernating", 14), ("champions", 6), ("need attention", 8), ("about to sleep", 7),
        ("promising", 6), ("cannot lose", 3), ("VIP", 4),
    ])

    /// Tags, weighted.
    static let tags = WeightedTable<String>([
        ("zalo oa", 20), ("newsletter", 15), ("hội chợ 2025", 8), ("khách sỉ", 6), ("b2b", 5),
        ("giới thiệu", 10), ("sinh nhật", 8), ("khuyến mãi", 12), ("đại lý", 4), ("vip", 5),
        ("khiếu nại", 3), ("online", 14),
    ])

    /// Loyalty tiers, weighted toward `member`.
    static let tiers = WeightedTable<Tier>([
        (.member, 55), (.silver, 22), (.gold, 13), (.platinum, 7), (.diamond, 3),
    ])

    /// Preferred channels, weighted (Zalo first).
    static let channels = WeightedTable<Channel>([
        (.zalo, 35), (.phone, 25), (.sms, 12), (.facebook, 12), (.email, 10), (.store, 6),
    ])

    /// Staff who own customers.
    static let owners = WeightedTable<String>([
        ("lan", 20), ("minh", 18), ("huong", 15), ("tuan", 14), ("thao", 12), ("duc", 10),
        ("ngoc", 6), ("quang", 5),
    ])

    /// Occupations.
    static let occupations = [
        "kinh doanh", "giáo viên", "nhân viên văn phòng", "kỹ sư", "bác sĩ", "sinh viên",
        "nội trợ", "công nhân", "kế toán", "tự do",
    ]
}
