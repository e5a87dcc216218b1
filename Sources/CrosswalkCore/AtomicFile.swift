import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that a reader never sees half of one: a temporary file in the same folder,
/// then a rename over the destination.
public enum AtomicFile {
  /// Writes `data` to `path` atomically; the error names the path.
  public static func write(_ data: Data, to path: String) throws(OutputError) {
    let writer = try AtomicFileWriter(path: path)
    try writer.write(bytes: data)
    try writer.commit()
  }
}

/// A file written piece by piece and put in place whole on `commit`: output too large to hold
/// in memory (mentions of a 50 MB corpus are four times that) still replaces the destination
/// in one step, and nothing replaces it when the command fails before the end. The temporary
/// file is removed when the writer goes away uncommitted.
///
/// A destination that exists and is not a regular file (/dev/null, /dev/stdout, a named pipe)
/// is written as it is: renaming a file over it would replace the device with a file.
public final class AtomicFileWriter {
  /// The destination.
  public let path: String
  /// The file written until `commit` renames it, or nil when the destination is written itself.
  private let temporaryPath: String?
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private static let bufferSize = 1 << 20

  /// Creates the temporary file next to `path` at once, so that an unwritable destination is
  /// an error before any work is done.
  public init(path: String) throws(OutputError) {
    self.path = path
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw OutputError(path: path, reason: systemError()) }
      self.descriptor = descriptor
      temporaryPath = nil
      return
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    var descriptor: Int32 = -1
    var temporaryPath = ""
    for _ in 0..<8 {
      let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
      temporaryPath = "\(folder)/.\(name).\(getpid()).\(suffix).tmp"
      descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else { throw OutputError(path: path, reason: systemError()) }
    self.descriptor = descriptor
    self.temporaryPath = temporaryPath
    buffer.reserveCapacity(Self.bufferSize)
  }

  deinit {
    if descriptor >= 0 {
      close(descriptor)
      if let temporaryPath { unlink(temporaryPath) }
    }
  }

  /// Appends text (UTF-8).
  public func write(_ text: String) throws(OutputError) {
    try write(bytes: text.utf8)
  }

  /// Appends bytes.
  public func write<Bytes: Collection<UInt8>>(bytes: Bytes) throws(OutputError) {
    guard descriptor >= 0 else { throw OutputError(path: path, reason: "already committed") }
    if buffer.count + bytes.count > Self.bufferSize { try flush() }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.bufferSize { try flush() }
  }

  /// Writes what is buffered, closes the file and renames it over the destination.
  public func commit() throws(OutputError) {
    try flush()
    let closed = close(descriptor)
    descriptor = -1
    guard let temporaryPath else {
      if closed != 0 { throw OutputError(path: path, reason: systemError()) }
      return
    }
    guard closed == 0, rename(temporaryPath, path) == 0 else {
      let reason = systemError()
      unlink(temporaryPath)
      throw OutputError(path: path, reason: reason)
    }
  }

  private func flush() throws(OutputError) {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes { bytes in
        bytes.baseAddress.map { Glibc.write(descriptor, $0 + written, bytes.count - written) } ?? 0
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw OutputError(path: path, reason: systemError())
      }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// The C library's message for `errno`.
private func systemError() -> String { String(cString: strerror(errno)) }

/// An output file that could not be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  /// The path that could not be written.
  public let path: String
  /// Why, as the system says it.
  public let reason: String

  public var description: String { "cannot write '\(path)': \(reason)" }
}
