extension JSONValue {
    /// The value as an `Int` when it is an integral number that fits (`2010`, `2010.0`), else `nil`.
    var integerValue: Int? {
        guard let number = numberValue, number.isInteger, let integer = number.int64Value else { return nil }
        return Int(exactly: integer)
    }
}
