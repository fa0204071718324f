/// Set operations on ascending id lists, the form postings are stored in.
enum SortedIDs {
    /// The ids in both lists.
    static func intersection(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(min(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }

    /// The ids in either list, once each.
    static func union(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                result.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }

    /// `ids` sorted with repeats removed.
    static func normalized(_ ids: [UInt64]) -> [UInt64] {
        var sorted = ids
        sorted.sort()
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        for id in sorted where id != result.last { result.append(id) }
        return result
    }

    /// Whether the ascending list `ids` holds `id` (binary search).
    static func contains(_ ids: [UInt64], _ id: UInt64) -> Bool {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }
}
