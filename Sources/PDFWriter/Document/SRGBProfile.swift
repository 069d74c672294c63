#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A minimal ICC v2 display profile for sRGB, generated in code for the PDF/A output intent
/// (ISO 19005-3 §6.2.3; ICC.1:2001-04 for the layout).
///
/// Tags: `desc`, `cprt`, `wtpt`, `rXYZ`/`gXYZ`/`bXYZ` (the sRGB primaries adapted to D50 with Bradford,
/// as in IEC 61966-2-1's published profile) and one shared 256-entry `curv` for the sRGB transfer
/// function. Generating it avoids shipping a third-party profile file with its own licence.
enum SRGBProfile {
    static let bytes: [UInt8] = build()

    /// ``bytes`` Flate-compressed at `level`, compressed once per level for every document.
    static func compressed(level: Int32) -> [UInt8] {
        if let known = compressedByLevel.withLock({ $0[level] }) { return known }
        let result = Flate.compress(bytes, level: level)
        compressedByLevel.withLock { $0[level] = result }
        return result
    }

    private static let compressedByLevel = Mutex<[Int32: [UInt8]]>([:])

    private static func build() -> [UInt8] {
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func u16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func sig(_ s: String) -> [UInt8] { Array(s.utf8) }
        func s15(_ v: Double) -> [UInt8] { u32(UInt32(bitPattern: Int32((v * 65536).rounded()))) }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] { sig("XYZ ") + u32(0) + s15(x) + s15(y) + s15(z) }
        func text(_ s: String) -> [UInt8] { sig("text") + u32(0) + Array(s.utf8) + [0] }
        func desc(_ s: String) -> [UInt8] {
            sig("desc") + u32(0) + u32(UInt32(s.utf8.count + 1)) + Array(s.utf8) + [0]
                + u32(0) + u32(0) + u16(0) + [0] + [UInt8](repeating: 0, count: 67)
        }
        var curve = sig("curv") + u32(0) + u32(256)
        for i in 0..<256 {
            let v = Double(i) / 255
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            curve += u16(UInt16((linear * 65535).rounded()))
        }
        let tags: [(String, [UInt8])] = [
            ("desc", desc("sRGB IEC61966-2.1")),
            ("cprt", text("No copyright, use freely")),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", curve),
        ]
        let tagSignatures = tags.map(\.0) + ["gTRC", "bTRC"]
        let tableSize = 4 + 12 * tagSignatures.count
        var offset = 128 + tableSize
        var table = u32(UInt32(tagSignatures.count))
        var data: [UInt8] = []
        var curveEntry: (UInt32, UInt32) = (0, 0)
        for (signature, body) in tags {
            table += sig(signature) + u32(UInt32(offset)) + u32(UInt32(body.count))
            if signature == "rTRC" { curveEntry = (UInt32(offset), UInt32(body.count)) }
            var padded = body
            while padded.count % 4 != 0 { padded.append(0) }
            data += padded
            offset += padded.count
        }
        for signature in ["gTRC", "bTRC"] { table += sig(signature) + u32(curveEntry.0) + u32(curveEntry.1) }
        let size = 128 + table.count + data.count
        var header = u32(UInt32(size)) + u32(0) + u32(0x0210_0000) + sig("mntr") + sig("RGB ") + sig("XYZ ")
        header += u16(2026) + u16(1) + u16(1) + u16(0) + u16(0) + u16(0)
        header += sig("acsp") + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0)
        header += s15(0.9642) + s15(1.0) + s15(0.8249) + u32(0)
        header += [UInt8](repeating: 0, count: 128 - header.count)
        return header + table + data
    }
}
