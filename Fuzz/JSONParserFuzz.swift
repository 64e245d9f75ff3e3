/// libFuzzer entry point: parse arbitrary bytes; if they parse, the serialized form must parse
/// back to an equal value. Any crash, hang or leak is a bug in the parser or serializer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for duplicateKeys in [JSONParser.DuplicateKeyPolicy.reject, .keepLast] {
        guard let value = try? JSONParser.parse(bytes, options: .init(duplicateKeys: duplicateKeys)) else { continue }
        let reparsed = try? JSONParser.parse(value.serialized(), options: .init(duplicateKeys: duplicateKeys))
        precondition(reparsed == value, "serialized form does not parse back to the same value")
    }
    return 0
}
