internal import CFFmpeg

/// Copies every key/value pair of an `AVDictionary` into Swift strings, in stored order.
func dictionaryEntries(_ dictionary: OpaquePointer?) -> [(key: String, value: String)] {
    guard let dictionary else { return [] }
    var entries: [(key: String, value: String)] = []
    var entry: UnsafeMutablePointer<AVDictionaryEntry>? = nil
    while let next = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX) {
        if let key = next.pointee.key, let value = next.pointee.value {
            entries.append((String(cString: key), String(cString: value)))
        }
        entry = next
    }
    return entries
}
