import Foundation

/// Merges the `results.json` of several shards into one run, for `merge-reports`.
///
/// The merged run keeps every scenario (sorted by version, file, name, as the runner sorts), the
/// earliest start, the latest finish and the union of spec hashes. Shards of one run share a run
/// id; when they differ, the ids are joined with `+` so the merged report says so. The gate is
/// applied afresh when the merged run is written, so stale entries are judged over all shards.
public enum ReportMerger {
    /// The run the files describe together.
    public static func merge(resultsFiles paths: [String]) throws(ReportError) -> RunResult {
        var runs: [RunResult] = []
        for path in paths {
            let data: Data
            do {
                data = try Data(contentsOf: URL(filePath: path))
            } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
            let document: JSONValue
            do {
                document = try JSONParser.parse(Array(data))
            } catch {
                throw .unreadable(path: path, reason: "\(error)")
            }
            runs.append(try ResultsDecoder(path: path).decode(document))
        }
        return merge(runs)
    }

    /// The runs as one; see the type's documentation.
    public static func merge(_ runs: [RunResult]) -> RunResult {
        var ids: [String] = []
        for run in runs where !ids.contains(run.runID) { ids.append(run.runID) }
        var targets: [String] = []
        for run in runs where !targets.contains(run.target) { targets.append(run.target) }
        let scenarios = runs.flatMap(\.scenarios).sorted {
            ($0.version.rawValue, $0.file, $0.name) < ($1.version.rawValue, $1.file, $1.name)
        }
        return RunResult(
            runID: ids.joined(separator: "+"),
            target: targets.joined(separator: "; "),
            specHashes: runs.reduce(into: [:]) { $0.merge($1.specHashes) { first, _ in first } },
            startedAt: runs.map(\.startedAt).min() ?? Date(timeIntervalSince1970: 0),
            finishedAt: runs.map(\.finishedAt).max() ?? Date(timeIntervalSince1970: 0),
            scenarios: scenarios
        )
    }

    /// Merges the files and rewrites every report of the merged run into `directory`.
    @discardableResult
    public static func mergeAndWrite(
        resultsFiles paths: [String],
        to directory: String,
        options: ReportWriter.Options
    ) throws(ReportError) -> AssessedRun {
        try ReportWriter.write(result: merge(resultsFiles: paths), to: directory, options: options)
    }
}
