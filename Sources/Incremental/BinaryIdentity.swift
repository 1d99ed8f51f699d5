import Foundation
import Load
#if canImport(Glibc)
import Glibc
#endif

/// Which capex executable is running, as the manifest records it (`binary`). A new version
/// or a rebuilt capex is another binary, so the outputs it finds are rendered again; a copy
/// of the same executable (reinstalled, restored by a CI cache) is the same, so nothing is
/// redone for it.
///
/// On ELF platforms the identity is the executable's GNU build ID (`elf:<hex>`), which the
/// linker computes from the linked file's contents (`ld --build-id`, a SHA-1 by default) and
/// the loader maps into memory: read in microseconds, where hashing the executable (98 MB
/// when the Swift runtime and Foundation are linked statically) took 30–100 ms.
///
/// Without a build ID, it is a hash of the executable file's bytes, done once per
/// executable file: the manifest keeps the file's stamp (device, inode, size, modification
/// and change times: `stamp`) beside the hash, and a build whose executable has that stamp
/// takes the hash from the manifest (`resolve`). Any write to the file changes its change
/// time, so a stamp is never the same for other bytes on one machine.
package enum BinaryIdentity {
    /// The running executable's GNU build ID as lowercase hex, from the `NT_GNU_BUILD_ID`
    /// note in its loaded program headers (found through the auxiliary vector, read from
    /// `/proc/self/auxv`: Glibc's `getauxval` is not in Swift's Glibc module); nil when it has
    /// none or the platform is not 64-bit Linux. Source of the layout: the System V ABI (auxv
    /// entries, two 8-byte words; ELF-64 program header, 56 bytes; note header: name size,
    /// descriptor size, type, 4 bytes each, name and descriptor padded to 4) and `elf.h`
    /// (`AT_PHDR` 3, `AT_PHNUM` 5, `PT_PHDR` 6, `PT_NOTE` 4, `NT_GNU_BUILD_ID` 3).
    package static let buildID: String? = {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        // A /proc file has no size to read up to: read until the end (about 400 bytes).
        let fd = open("/proc/self/auxv", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var auxv = [UInt8](repeating: 0, count: 4096), filled = 0
        while filled < auxv.count {
            let n = auxv.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n <= 0 { break }
            filled += n
        }
        close(fd)
        var address: UInt = 0, count = 0
        auxv[..<filled].withUnsafeBytes { words in
            for entry in stride(from: 0, to: words.count - 15, by: 16) {
                let (key, value) = (words.loadUnaligned(fromByteOffset: entry, as: UInt64.self),
                                    words.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self))
                if key == 3 { address = UInt(value) } else if key == 5 { count = Int(value) }
            }
        }
        let (headerSize, ptPHDR, ptNOTE, ntGNUBuildID): (Int, UInt32, UInt32, UInt32) = (56, 6, 4, 3)
        guard address != 0, count > 0, let headers = UnsafeRawPointer(bitPattern: address) else { return nil }
        func header(_ index: Int) -> (type: UInt32, address: UInt, size: Int) {
            let base = headers + index * headerSize
            return (base.loadUnaligned(as: UInt32.self), UInt(base.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                    Int(base.loadUnaligned(fromByteOffset: 40, as: UInt64.self)))
        }
        // Where the executable was loaded: the program headers' address in memory less the
        // address PT_PHDR says they have in the file (0 for a fixed-address executable).
        guard let own = (0..<count).lazy.map(header).first(where: { $0.type == ptPHDR }), address >= own.address else { return nil }
        let bias = address - own.address
        for segment in (0..<count).lazy.map(header) where segment.type == ptNOTE {
            guard let notes = UnsafeRawPointer(bitPattern: bias + segment.address) else { continue }
            var offset = 0
            while offset + 12 <= segment.size {
                let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
                let name = offset + 12, descriptor = name + (nameSize + 3) & ~3
                guard descriptor + descriptorSize <= segment.size else { break }
                if type == ntGNUBuildID, nameSize == 4, descriptorSize > 0,
                   memcmp(notes + name, "GNU", 4) == 0 {
                    let bytes = UnsafeRawBufferPointer(start: notes + descriptor, count: descriptorSize)
                    return bytes.map { String(format: "%02x", $0) }.joined()
                }
                offset = descriptor + (descriptorSize + 3) & ~3
            }
        }
        return nil
        #else
        return nil
        #endif
    }()

    /// The running executable's path: `/proc/self/exe` on Linux, else what the process was started as.
    static let path: String? = {
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 { return "/proc/self/exe" }
        return Bundle.main.executablePath
    }()

    /// The executable file's stamp; empty when it cannot be found.
    package static let stamp: String = {
        var info = stat()
        guard let path, stat(path, &info) == 0 else { return "" }
        let stamp = FileStamp(info)
        return ["\(info.st_dev)", "\(stamp.inode)", "\(stamp.size)", "\(stamp.modified)", "\(stamp.changed)"].joined(separator: ":")
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: String?

    /// The hash of the running executable: the one `recorded` gives when its stamp is this
    /// executable's, else read and hashed (once per process). An executable that cannot be
    /// read gets a name of its own for this process: every output is rendered again.
    package static func resolve(recorded: (hash: String, stamp: String)?) -> String {
        if let buildID { return "elf:" + buildID }
        return lock.withLock {
            if let known { return known }
            let found: String
            if let recorded, !stamp.isEmpty, recorded.stamp == stamp, !recorded.hash.isEmpty {
                found = recorded.hash
            } else if let path, let bytes = FileSystem.readBytes(path) {
                found = "exe:" + Hash.content(bytes)
            } else {
                found = "process:" + UUID().uuidString
            }
            known = found
            return found
        }
    }

    /// Starts `current` on another thread: whoever asks for the hash meanwhile waits for it
    /// (`resolve` holds its lock while hashing).
    package static func resolveInBackground() {
        guard buildID == nil else { return }
        DispatchQueue.global().async { _ = current }
    }

    /// The hash of the running executable (`resolve` without a manifest to take it from).
    package static var current: String { resolve(recorded: nil) }
}
