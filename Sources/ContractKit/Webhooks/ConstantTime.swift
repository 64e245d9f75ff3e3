/// Whether `a` and `b` hold the same bytes, in time that depends only on their
/// lengths, so comparing a received signature leaks nothing about where it differs.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices {
        difference |= a[index] ^ b[index]
    }
    return difference == 0
}
