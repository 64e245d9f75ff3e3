extension String {
    /// The start of a value quoted from a document in a message: a hostile file can make the
    /// value a megabyte long, and an error is meant to be one or two lines.
    var excerpt: String {
        count > 40 ? "\(prefix(40))…" : self
    }
}
