/// The search-fold table for letters of the Latin script: each precomposed letter with
/// diacritics maps to its lowercase base letter, and a few letters that Unicode does not
/// decompose (`đ`, `Ð`, `ø`, `ł`, `æ`, `ß` ...) map to the letters people type for them.
///
/// The precomposed families list every letter in U+00C0–U+024F and U+1E00–U+1EFF whose
/// canonical decomposition (NFD) is an ASCII letter followed only by combining diacritical
/// marks; the tests check each of them against the platform's NFD. Letters of other scripts
/// are not folded, only their free-standing combining marks are dropped.
enum LatinFold {
    /// Folded form, then the letters that fold to it (lowercase + uppercase).
    private static let families: [(folded: String, letters: String)] = [
        ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ" + "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ"),
        ("b", "ḃḅḇ" + "ḂḄḆ"),
        ("c", "çćĉċčḉ" + "ÇĆĈĊČḈ"),
        ("d", "ďḋḍḏḑḓ" + "ĎḊḌḎḐḒ"),
        ("e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ" + "ÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ"),
        ("f", "ḟ" + "Ḟ"),
        ("g", "ĝğġģǧǵḡ" + "ĜĞĠĢǦǴḠ"),
        ("h", "ĥȟḣḥḧḩḫẖ" + "ĤȞḢḤḦḨḪ"),
        ("i", "ìíîïĩīĭįǐȉȋḭḯỉị" + "ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ"),
        ("j", "ĵǰ" + "Ĵ"),
        ("k", "ķǩḱḳḵ" + "ĶǨḰḲḴ"),
        ("l", "ĺļľḷḹḻḽ" + "ĹĻĽḶḸḺḼ"),
        ("m", "ḿṁṃ" + "ḾṀṂ"),
        ("n", "ñńņňǹṅṇṉṋ" + "ÑŃŅŇǸṄṆṈṊ"),
        ("o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ" + "ÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ"),
        ("p", "ṕṗ" + "ṔṖ"),
        ("r", "ŕŗřȑȓṙṛṝṟ" + "ŔŖŘȐȒṘṚṜṞ"),
        ("s", "śŝşšșṡṣṥṧṩ" + "ŚŜŞŠȘṠṢṤṦṨ"),
        ("t", "ţťțṫṭṯṱẗ" + "ŢŤȚṪṬṮṰ"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự" + "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ"),
        ("v", "ṽṿ" + "ṼṾ"),
        ("w", "ŵẁẃẅẇẉẘ" + "ŴẀẂẄẆẈ"),
        ("x", "ẋẍ" + "ẊẌ"),
        ("y", "ýÿŷȳẏẙỳỵỷỹ" + "ÝŶŸȲẎỲỴỶỸ"),
        ("z", "źżžẑẓẕ" + "ŹŻŽẐẒẔ"),
        // Letters with a stroke, bar or other shape that Unicode does not decompose.
        ("d", "đð" + "ĐÐ"),      // Vietnamese đ; Ð (U+00D0, eth) is a look-alike of Đ
        ("o", "øǿ" + "ØǾ"),
        ("l", "ł" + "Ł"),
        ("i", "ı"),              // dotless i
        ("h", "ħ" + "Ħ"),
        ("t", "ŧ" + "Ŧ"),
        ("s", "ſẛ"),             // long s
        ("ae", "æǣǽ" + "ÆǢǼ"),
        ("oe", "œ" + "Œ"),
        ("ss", "ß" + "ẞ"),
    ]

    /// Scalar value to folded form, built once on first use.
    static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        table.reserveCapacity(600)
        for (folded, letters) in families {
            for scalar in letters.unicodeScalars {
                precondition(table.updateValue(folded, forKey: scalar.value) == nil,
                             "U+\(String(scalar.value, radix: 16)) is listed twice")
            }
        }
        return table
    }()
}
