/// Which of a set of byte strings occur in a text, and where, in one pass over it
/// (Aho–Corasick). The boilerplate rules try a pattern only on text that holds one of its
/// required literals; looking for each literal on its own read every document once per literal.
struct LiteralAutomaton: Sendable {
  let literalCount: Int
  /// Bytes that occur in no literal share class 0; the others have a class each.
  private let byteClass: [UInt16]
  private let classCount: Int
  /// The next state, at `state + class`. A state is the offset of its row in this table, times
  /// two, plus one when a literal ends there: stepping is one load, with no multiplication.
  private let transitions: [Int32]
  /// The literals that end at state `s` (itself or a suffix of it):
  /// `outputs[outputStart[s]..<outputStart[s + 1]]`.
  private let outputStart: [Int32]
  private let outputs: [Int32]

  /// The state before any byte.
  static let start: Int32 = 0

  /// An automaton for `literals`, which are numbered by their position. An empty literal is
  /// never reported (it would be everywhere).
  init(_ literals: [[UInt8]]) {
    literalCount = literals.count
    var byteClass = [UInt16](repeating: 0, count: 256)
    var classes = 1
    for literal in literals {
      for byte in literal where byteClass[Int(byte)] == 0 {
        byteClass[Int(byte)] = UInt16(classes)
        classes += 1
      }
    }
    // The trie, with -1 for a missing edge.
    var next = [Int32](repeating: -1, count: classes)
    var ending: [[Int32]] = [[]]
    for (id, literal) in literals.enumerated() where !literal.isEmpty {
      var state = 0
      for byte in literal {
        let edge = state * classes + Int(byteClass[Int(byte)])
        if next[edge] < 0 {
          next[edge] = Int32(ending.count)
          ending.append([])
          next += repeatElement(-1, count: classes)
        }
        state = Int(next[edge])
      }
      ending[state].append(Int32(id))
    }
    // Breadth first, so that a state's suffix (shallower) is complete before the state: a
    // missing edge goes where the suffix's edge goes, and a state reports its suffix's literals.
    var suffix = [Int](repeating: 0, count: ending.count)
    var queue: [Int] = []
    for edge in 0..<classes {
      if next[edge] < 0 { next[edge] = 0 } else { queue.append(Int(next[edge])) }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      ending[state] += ending[suffix[state]]
      for edge in 0..<classes {
        let target = next[state * classes + edge]
        let viaSuffix = next[suffix[state] * classes + edge]
        if target < 0 {
          next[state * classes + edge] = viaSuffix
        } else {
          suffix[Int(target)] = Int(viaSuffix)
          queue.append(Int(target))
        }
      }
    }
    var outputStart: [Int32] = [0]
    var outputs: [Int32] = []
    for literals in ending {
      outputs += literals
      outputStart.append(Int32(outputs.count))
    }
    self.byteClass = byteClass
    classCount = classes
    transitions = next.map { target in Int32(Int(target) * classes * 2 + (ending[Int(target)].isEmpty ? 0 : 1)) }
    self.outputStart = outputStart
    self.outputs = outputs
  }

  /// The state after `byte` in `state`.
  @inline(__always)
  func step(_ state: Int32, _ byte: UInt8) -> Int32 {
    transitions[Int(state >> 1) + Int(byteClass[Int(byte)])]
  }

  /// The state after the UTF-8 bytes of `scalar` in `state`. Literals are whole UTF-8 text, so
  /// they end at the last byte of a scalar: `reports` after each scalar misses none.
  @inline(__always)
  func step(_ state: Int32, _ scalar: Unicode.Scalar) -> Int32 {
    let value = scalar.value
    if value < 0x80 { return step(state, UInt8(value)) }
    var state = state
    if value < 0x800 {
      state = step(state, UInt8(0xC0 | value >> 6))
    } else {
      if value < 0x10000 {
        state = step(state, UInt8(0xE0 | value >> 12))
      } else {
        state = step(state, UInt8(0xF0 | value >> 18))
        state = step(state, UInt8(0x80 | (value >> 12) & 0x3F))
      }
      state = step(state, UInt8(0x80 | (value >> 6) & 0x3F))
    }
    return step(state, UInt8(0x80 | value & 0x3F))
  }

  /// Whether a literal ends at `state`.
  @inline(__always)
  func reports(_ state: Int32) -> Bool { state & 1 != 0 }

  /// The literals that end at `state`.
  func literals(endingAt state: Int32) -> ArraySlice<Int32> {
    let number = Int(state >> 1) / classCount
    return outputs[Int(outputStart[number])..<Int(outputStart[number + 1])]
  }
}

/// A set of literal numbers, as bits.
struct LiteralSet: Hashable, Sendable {
  private var words: [UInt64]

  init(capacity: Int) { words = [UInt64](repeating: 0, count: (capacity + 63) / 64) }

  mutating func insert(_ literal: Int32) { words[Int(literal) >> 6] |= 1 << UInt64(literal & 63) }

  /// A set of the same capacity with nothing in it.
  var emptied: LiteralSet { LiteralSet(capacity: words.count * 64) }

  func contains(_ literal: Int32) -> Bool { words[Int(literal) >> 6] & (1 << UInt64(literal & 63)) != 0 }
}
