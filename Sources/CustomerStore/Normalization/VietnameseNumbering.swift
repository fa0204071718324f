/// The Vietnamese numbering plan as ``PhoneNumber`` checks it: mobile prefixes, the old
/// 11-digit mobile prefixes and their new form, and the fixed-line area codes.
///
/// All prefixes here are written without the national trunk `0`: mobile `91` is dialled
/// `091` nationally and `+84 91` from abroad.
enum VietnameseNumbering {
    /// Mobile prefixes in use (two digits after the `0`; nine digits in all after the `0`).
    ///
    /// | Prefix | Network |
    /// |---|---|
    /// | 032–039 | Viettel (the old 0162–0169) |
    /// | 052, 056, 058 | Vietnamobile (056, 058 were 0186, 0188) |
    /// | 055 | Wintel (formerly Reddi) |
    /// | 059 | Gmobile (was 0199) |
    /// | 070, 076–079 | MobiFone (were 0120, 0126, 0122, 0128, 0121) |
    /// | 081–085 | VinaPhone (were 0127, 0129, 0123, 0124, 0125) |
    /// | 086 | Viettel |
    /// | 087 | iTel |
    /// | 088 | VinaPhone |
    /// | 089 | MobiFone |
    /// | 090, 093 | MobiFone |
    /// | 091, 094 | VinaPhone |
    /// | 092 | Vietnamobile |
    /// | 096–098 | Viettel |
    /// | 099 | Gmobile |
    ///
    /// Not accepted: 030, 031, 050, 051, 053, 054, 057, 071–075, 080 (never allocated to
    /// mobile networks) and 095 (S-Fone, closed).
    static let mobilePrefixes: Set<String> = [
        "32", "33", "34", "35", "36", "37", "38", "39",
        "52", "55", "56", "58", "59",
        "70", "76", "77", "78", "79",
        "81", "82", "83", "84", "85", "86", "87", "88", "89",
        "90", "91", "92", "93", "94", "96", "97", "98", "99",
    ]

    /// The old 11-digit mobile prefixes (three digits after the `0`) and the two-digit prefix
    /// that replaced each of them in 2018; the last seven digits were kept.
    static let renumberedMobilePrefixes: [String: String] = [
        // Viettel
        "162": "32", "163": "33", "164": "34", "165": "35",
        "166": "36", "167": "37", "168": "38", "169": "39",
        // MobiFone
        "120": "70", "121": "79", "122": "77", "126": "76", "128": "78",
        // VinaPhone
        "123": "83", "124": "84", "125": "85", "127": "81", "129": "82",
        // Vietnamobile
        "186": "56", "188": "58",
        // Gmobile
        "199": "59",
    ]

    /// Area codes with two digits after the `0`, followed by an eight-digit subscriber number:
    /// Hà Nội 024 and TP Hồ Chí Minh 028.
    static let twoDigitAreaCodes: Set<String> = ["24", "28"]

    /// Area codes with three digits after the `0`, followed by a seven-digit subscriber
    /// number, as assigned in the 2017 renumbering (the codes stayed when provinces merged in
    /// 2025).
    static let threeDigitAreaCodes: [String: String] = [
        "203": "Quảng Ninh", "204": "Bắc Giang", "205": "Lạng Sơn", "206": "Cao Bằng",
        "207": "Tuyên Quang", "208": "Thái Nguyên", "209": "Bắc Kạn", "210": "Phú Thọ",
        "211": "Vĩnh Phúc", "212": "Sơn La", "213": "Lai Châu", "214": "Lào Cai",
        "215": "Điện Biên", "216": "Yên Bái", "218": "Hòa Bình", "219": "Hà Giang",
        "220": "Hải Dương", "221": "Hưng Yên", "222": "Bắc Ninh", "225": "Hải Phòng",
        "226": "Hà Nam", "227": "Thái Bình", "228": "Nam Định", "229": "Ninh Bình",
        "232": "Quảng Bình", "233": "Quảng Trị", "234": "Thừa Thiên Huế", "235": "Quảng Nam",
        "236": "Đà Nẵng", "237": "Thanh Hóa", "238": "Nghệ An", "239": "Hà Tĩnh",
        "251": "Đồng Nai", "252": "Bình Thuận", "254": "Bà Rịa - Vũng Tàu", "255": "Quảng Ngãi",
        "256": "Bình Định", "257": "Phú Yên", "258": "Khánh Hòa", "259": "Ninh Thuận",
        "260": "Kon Tum", "261": "Đắk Nông", "262": "Đắk Lắk", "263": "Lâm Đồng",
        "269": "Gia Lai", "270": "Vĩnh Long", "271": "Bình Phước", "272": "Long An",
        "273": "Tiền Giang", "274": "Bình Dương", "275": "Bến Tre", "276": "Tây Ninh",
        "277": "Đồng Tháp", "290": "Cà Mau", "291": "Bạc Liêu", "292": "Cần Thơ",
        "293": "Hậu Giang", "294": "Trà Vinh", "296": "An Giang", "297": "Kiên Giang",
        "299": "Sóc Trăng",
    ]

    /// Checks a Vietnamese national significant number (the digits after `0` or `+84`) and
    /// returns it in its current form with its kind. `after` says where the digits start, for
    /// messages (`after the leading 0`).
    static func validate(_ digits: ArraySlice<UInt8>, after: String, raw: String)
        throws(NormalizationError) -> (national: [UInt8], kind: PhoneNumber.Kind)
    {
        func fail(_ reason: String) -> NormalizationError { PhoneNumber.error(raw, reason) }
        func prefix(_ length: Int) -> String? {
            digits.count >= length ? PhoneNumber.string(digits.prefix(length)) : nil
        }

        guard let first = digits.first else { throw fail("there are no digits \(after)") }
        switch first {
        case 1:
            if let old = prefix(3), renumberedMobilePrefixes[old] == nil {
                throw fail("""
                    0\(old) is not a mobile prefix; the old 11-digit mobile numbers started with \
                    0120-0129, 0162-0169, 0186, 0188 or 0199
                    """)
            }
            guard digits.count == 10 else {
                throw fail("""
                    an old 11-digit mobile number (01xx) has 10 digits \(after), this has \
                    \(digits.count)
                    """)
            }
            let old = prefix(3)!
            let new = renumberedMobilePrefixes[old]!.utf8.map { $0 - 48 }
            return (new + digits.suffix(7), .mobile)

        case 2:
            if let two = prefix(2), !twoDigitAreaCodes.contains(two),
               let three = prefix(3), threeDigitAreaCodes[three] == nil {
                throw fail("0\(three) is not a Vietnamese area code")
            }
            guard digits.count == 10 else {
                throw fail("""
                    a Vietnamese fixed-line number has 10 digits \(after), this has \(digits.count)
                    """)
            }
            return (Array(digits), .fixedLine)

        case 3, 5, 7, 8, 9:
            if let two = prefix(2), !mobilePrefixes.contains(two) {
                throw fail("0\(two) is not a Vietnamese mobile prefix")
            }
            guard digits.count == 9 else {
                throw fail("""
                    a Vietnamese mobile number has 9 digits \(after), this has \(digits.count)
                    """)
            }
            return (Array(digits), .mobile)

        default:
            let hint = switch first {
            case 4: " (Hà Nội's old area code 04 has been 024 since 2017)"
            case 6: " (the old area codes 06x became 02xx in 2017)"
            default: ""
            }
            throw fail("""
                \(after) a Vietnamese number starts with 2 (fixed line) or 3, 5, 7, 8 or 9 \
                (mobile), not \(first)\(hint)
                """)
        }
    }
}
