extension OpenAPIDocument: OperationLookup {
    public func hasOperation(method: String, path: String) -> Bool {
        operation(method: method, path: path) != nil
    }

    public func hasOperation(id: String) -> Bool {
        operation(id: id) != nil
    }
}
