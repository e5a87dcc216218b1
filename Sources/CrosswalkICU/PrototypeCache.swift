import Synchronization

/// Compiled ICU handles kept for the life of the process, keyed by what compiled them.
///
/// Opening a transliterator from rules or a dictionary-based break iterator costs milliseconds;
/// cloning a compiled one costs microseconds. Owners therefore take a private clone of a cached
/// prototype, and no handle that an owner uses is ever shared between threads. The prototypes
/// themselves are only read, and only under the lock, while being cloned.
final class PrototypeCache: Sendable {
  private let handles = Mutex<[String: UnsafeMutableRawPointer]>([:])

  /// A private clone of the prototype stored under `key`, compiling it with `open` on first use.
  func clone(
    key: String,
    open: () throws(ICUError) -> OpaquePointer,
    clone: (OpaquePointer) throws(ICUError) -> OpaquePointer
  ) throws(ICUError) -> OpaquePointer {
    let result: Result<OpaquePointer, ICUError> = handles.withLock { cache in
      do throws(ICUError) {
        if let prototype = cache[key] {
          return .success(try clone(OpaquePointer(prototype)))
        }
        let prototype = try open()
        cache[key] = UnsafeMutableRawPointer(prototype)
        return .success(try clone(prototype))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}
