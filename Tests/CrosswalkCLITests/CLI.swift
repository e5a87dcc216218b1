// Runs the built `crosswalk` binary, as a user would, and captures what it prints.
import Foundation
import Synchronization
import Testing

/// The outcome of one run of the binary.
struct RunResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

enum CLI {
  /// The `crosswalk` binary built next to this test bundle (whatever the scratch path).
  static var binary: URL {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = exe.deletingLastPathComponent()
    // On Linux the test runner is .build/<config>/<Package>PackageTests.xctest.
    while folder.path != "/" {
      let candidate = folder.appending(path: "crosswalk")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "crosswalk")
  }

  /// Runs `crosswalk arguments…` with `stdin` and an optional working folder.
  static func run(_ arguments: [String], stdin: Data = Data(), in folder: URL? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    // The child may exit before reading all its input (an error on line 2): writing to the
    // closed pipe must fail quietly instead of killing the test runner with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    let writer = input.fileHandleForWriting
    let feeding = Thread {
      try? writer.write(contentsOf: stdin)
      try? writer.close()
    }
    feeding.start()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// A new empty folder for files a test writes, removed when the test process exits (so a test
  /// that fails half-way leaves nothing behind either).
  static func temporaryFolder() throws -> URL {
    _ = removeFoldersAtExit
    let folder = FileManager.default.temporaryDirectory.appending(path: "crosswalk-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    temporaryFolders.withLock { $0.append(folder) }
    return folder
  }
}

private let temporaryFolders = Mutex<[URL]>([])

private let removeFoldersAtExit: Void = {
  atexit {
    for folder in temporaryFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
  }
}()
