import ContractKit
import Foundation

extension SelfCheckReport {
    /// The file names inside the reports directory, beside the run reports.
    static let markdownFile = "selfcheck.md"
    static let junitFile = "selfcheck-junit.xml"

    /// Writes `selfcheck.md` and `selfcheck-junit.xml` into `directory` (created if missing), every
    /// text through `redactor`.
    func write(to directory: String, redactor: Redactor) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
        let files = [
            (Self.markdownFile, redactor.redact(markdown)),
            (Self.junitFile, JUnitXMLWriter(redactor: redactor).render(junit)),
        ]
        for (name, text) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: URL(filePath: path), options: .atomic)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }
}
