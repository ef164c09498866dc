/// Where rendered files go as they are made: into memory (tests, `check`), or straight into
/// the staging folder (`build`), so that writing overlaps rendering and the site is never
/// held in memory whole.
package protocol OutputSink: Sendable {
    /// Takes one file; called from many threads at once, each file once.
    func accept(_ file: OutputFile)
    /// The first failure to take a file, if any.
    var failure: String? { get }
    /// The bytes of the pages asked to be kept (for checking `#fragments` after rendering).
    func retained(_ path: String) -> [UInt8]?
}
