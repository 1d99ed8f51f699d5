import Diagnostics
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a text input — a page, a data file, `site.yaml`, a template — as the text
/// every later stage reads: UTF-8 without a byte-order mark, every line ending in LF.
///
/// - A UTF-8 byte-order mark at the start is dropped (Windows editors write one).
/// - CRLF and a lone CR each become LF, the line breaks of YAML 1.2 (§5.4) and CommonMark
///   (§2.1): line numbers are the same whichever a file used, and columns do not move
///   because a CR only ends its line.
/// - Bytes that are not UTF-8, or a NUL byte, are an error at the line and column (in
///   Unicode scalars, as every other column) of the first such byte; nothing of the file is
///   used. Files copied as they are (images, assets) never come here.
package enum SourceText {
    package static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        bytes.withUnsafeBufferPointer { buffer in
            var body = UnsafeBufferPointer(rebasing: buffer[...])
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = UnsafeBufferPointer(rebasing: body.dropFirst(3)) }
            guard var text = String(validating: body, as: UTF8.self) else {
                return .failure(invalidUTF8(body, file: file, bomDropped: body.count != buffer.count))
            }
            if let nul = firstIndex(of: 0, in: body) {
                let at = location(of: nul, in: body, file: file)
                return .failure(.error(at: at, "the file holds a NUL byte (U+0000): text files cannot; is it a text file saved as UTF-8?"))
            }
            if firstIndex(of: 13, in: body) != nil { text = normalizingLineEnds(body) }
            return .success(text)
        }
    }

    /// CRLF → LF, lone CR → LF.
    private static func normalizingLineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 {
                out.append(10)
                if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty,
              let found = memchr(base, Int32(byte), bytes.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func invalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String, bomDropped: Bool) -> Diagnostic {
        if !bomDropped, bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .error(at: .start(of: file), "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                // Unreachable: `String(validating:)` refused these bytes.
                return .error(at: .start(of: file), "the file is not valid UTF-8; save it as UTF-8")
            case .error(let length):
                let shown = bytes[offset..<(offset + length)].map { "0x" + String($0, radix: 16, uppercase: true) }
                let at = location(of: offset, in: bytes, file: file)
                return .error(at: at, "the file is not valid UTF-8: byte \(shown.joined(separator: " ")) here cannot be read as text; save the file as UTF-8")
            }
        }
    }

    /// The line and column of byte `offset`: lines end at LF, CRLF or CR; columns count
    /// Unicode scalars (the bytes before `offset` are valid UTF-8).
    private static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 10 || byte == 13 {
                line += 1
                column = 1
                if byte == 13, index + 1 < offset, bytes[index + 1] == 10 { index += 1 }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
