import Foundation

/// FNV-1a, 64 bits, as 16 hex digits, and a word-at-a-time variant for the build cache
/// (`contentValue`): content hashes for change detection, not security.
package enum Hash {
    package static func value(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    package static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { format(value($0)) }
    }

    package static func hex(_ data: Data) -> String {
        data.withUnsafeBytes { format(value($0)) }
    }

    package static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { format(value(UnsafeRawBufferPointer($0))) }
    }

    /// One hash over several parts, each delimited so that ("ab", "c") ≠ ("a", "bc").
    package static func combine(_ parts: [String]) -> String {
        var stream = Stream()
        for part in parts { stream.add(part) }
        return stream.hex
    }

    /// A hash fed part by part, with no string built to hold them all.
    package struct Stream {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        package init() {}

        package mutating func add(_ part: String) {
            var part = part
            hash = part.withUTF8 { value(UnsafeRawBufferPointer($0), seed: hash) }
            hash ^= 0xff
            hash &*= 0x100_0000_01b3
        }

        /// `add` with `contentValue`'s eight-bytes-at-a-time steps: for parts that only the
        /// build cache compares (the 10,000 pages' front matter in the `pagelist` fingerprint,
        /// 3 MB hashed on every rebuild), never for a published name.
        package mutating func addContent(_ part: String) {
            var part = part
            hash = part.withUTF8 { contentValue(UnsafeRawBufferPointer($0), seed: hash) }
            hash ^= 0xff
            hash &*= 0x100_0000_01b3
        }

        package var hex: String { format(hash) }
    }

    /// The hash the build cache keeps for a file's bytes (inputs read, outputs written), eight
    /// bytes at a time: each little-endian word is XORed in, multiplied by FNV's prime and its
    /// high half folded down (`h ^= h >> 32`), then the last 0–7 bytes as FNV-1a does, then
    /// the length. Every step is a bijection of the state, so two files that differ in one
    /// word never collide; about eight times fewer steps than `value`. Not for published
    /// names (`Asset`'s fingerprint keeps FNV-1a, so its file names stay put); a change of
    /// this function changes `BuildCache.format`.
    /// `seed`: the state to start from (FNV's offset basis for a file's hash; the hash so far
    /// for `Stream.addContent`).
    package static func contentValue(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        let words = bytes.count / 8
        for word in 0..<words {
            hash ^= UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            hash &*= 0x100_0000_01b3
            hash ^= hash >> 32
        }
        for byte in bytes[(words * 8)...] {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        hash ^= UInt64(bytes.count)
        hash &*= 0x100_0000_01b3
        return hash
    }

    /// `contentValue` as 16 hex digits.
    package static func content(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { format(contentValue($0)) }
    }

    /// `contentValue` as 16 hex digits.
    package static func content(_ data: Data) -> String {
        data.withUnsafeBytes { format(contentValue($0)) }
    }

    /// `value` as 16 lower-case hex digits, zeros in front: written straight into the
    /// string's storage (`String(_:radix:)` and the padding cost two more strings a call,
    /// and this runs for every page of a build).
    package static func format(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { digits in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                digits[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }
}
