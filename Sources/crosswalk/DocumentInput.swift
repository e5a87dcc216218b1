import ArgumentParser
import CrosswalkCore
import CrosswalkDocuments
import Foundation

/// The options of commands that read documents: paths, size limit, threads, progress.
struct DocumentOptions: ParsableArguments {
  @Argument(help: "Documents: files, or folders (with or without a manifest.yaml).")
  var paths: [String] = []

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Refuse files larger than this (bytes; K, M and G suffixes).", valueName: "size"))
  var maxSize = "50M"

  @Option(name: .long, help: "Threads to use (default: one per core).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "No progress on standard error.")
  var quiet = false

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Please name at least one document or folder.") }
    if sizeLimit == nil { throw ValidationError("--max-size must be a number of bytes, like 50M or 200000.") }
    if jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
  }

  /// `--max-size` in bytes.
  var sizeLimit: Int? {
    let text = maxSize.trimmingCharacters(in: .whitespaces).uppercased()
    let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
    for (suffix, scale) in units where text.hasSuffix(suffix) {
      return Int(text.dropLast(suffix.count)).flatMap { $0 >= 0 ? $0 * scale : nil }
    }
    return Int(text).flatMap { $0 >= 0 ? $0 : nil }
  }

  /// The documents the paths name; a malformed manifest stops the command with exit 2.
  func listing() throws -> CorpusListing {
    let listing: CorpusListing
    do {
      listing = try CorpusWalker.list(paths)
    } catch {
      for diagnostic in error.diagnostics { printDiagnostic("\(diagnostic)") }
      throw ExitCode(2)
    }
    for warning in listing.warnings { printDiagnostic("warning: \(warning)") }
    return listing
  }

  /// Loads and processes every listed document on `jobs` threads, delivering results in path
  /// order. Problems with a file are reported on standard error and the rest go on; the return
  /// value says whether any was an error (exit 2 at the end).
  func process<Worker, Output>(
    _ listing: CorpusListing, makeWorker: () throws -> Worker,
    work: (inout Worker, Document) -> Output, deliver: (Document, Output) -> Void
  ) throws -> Bool {
    let sources = listing.sources
    let progress = Progress(total: sources.count, enabled: !quiet && isatty(2) == 1 && sources.count > 1)
    var failed = false
    let limit = sizeLimit ?? DocumentLoader.defaultSizeLimit
    try orderedParallelMap(
      count: sources.count, jobs: jobs,
      makeWorker: { () throws -> (DocumentLoader, Worker) in (try DocumentLoader(sizeLimit: limit), try makeWorker()) },
      work: { (worker: inout (DocumentLoader, Worker), item: Int) -> Result<(Document, Output), DocumentProblem> in
        do throws(DocumentProblem) {
          let document = try worker.0.load(sources[item])
          return .success((document, work(&worker.1, document)))
        } catch {
          return .failure(error)
        }
      },
      deliver: { item, result in
        progress.clear()
        switch result {
        case .success(let (document, output)):
          for replaced in document.encoding.replacements.prefix(1) {
            let count = document.encoding.replacements.count
            printDiagnostic(
              "\(document.location(of: replaced.start)): warning: \(count) undecodable byte sequence\(count == 1 ? "" : "s") replaced with U+FFFD (read as \(document.encoding.name))")
          }
          if document.encoding.evidence == "detected", document.encoding.confidence < 35 {
            // A guess on little evidence (one stray byte in ASCII text): say so rather than
            // let a misread pass silently.
            printDiagnostic(
              "\(document.path): warning: not UTF-8; read as \(document.encoding.name), a guess with confidence \(document.encoding.confidence) of 100 (set 'encoding' in the manifest if that is wrong)")
          }
          deliver(document, output)
        case .failure(let problem):
          printDiagnostic("\(problem.isWarning ? "warning" : "error"): \(problem)")
          if !problem.isWarning { failed = true }
        }
        progress.show(done: item + 1, path: sources[item].path)
      })
    progress.clear()
    return failed
  }
}

/// `crosswalk: <message>` on standard error.
func printDiagnostic(_ message: String) {
  FileHandle.standardError.write(Data("crosswalk: \(message)\n".utf8))
}

/// One line of progress on standard error, redrawn in place.
final class Progress {
  private let total: Int
  private let enabled: Bool
  private var shown = false

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func show(done: Int, path: String) {
    guard enabled else { return }
    let name = path.count > 50 ? "…" + path.suffix(49) : path
    FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(name)".utf8))
    shown = true
  }

  func clear() {
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }
}
