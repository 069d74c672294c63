import Foundation
@testable import QRCode
import RaschetTesting
import Testing

@Suite("QR codes (ISO/IEC 18004, byte mode, level M)")
struct QRCodeTests {
    static let payment = "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810412000034517|BankName=ПАО СБЕРБАНК|BIC=041909644|CorrespAcc=30101810900000000644|PayeeINN=3525417795|Sum=912488|Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102738516|PersAcc=4102738516|KPP=352501001|LastName=Ковалёва|FirstName=Татьяна|MiddleName=Юрьевна|PayerAddress=160035, г. Вологда, ул. Пролетарская, д. 47, корп. 2, кв. 118|PaymPeriod=102026"

    /// Writes the matrix as a binary PGM with a 4-module quiet zone, `scale` pixels per module.
    func pgm(_ matrix: QRMatrix, scale: Int = 4) -> Data {
        let side = (matrix.size + 8) * scale
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        for y in 0..<side {
            for x in 0..<side {
                let row = y / scale - 4, column = x / scale - 4
                let dark = row >= 0 && row < matrix.size && column >= 0 && column < matrix.size && matrix[row, column]
                data.append(dark ? 0 : 255)
            }
        }
        return data
    }

    func decode(_ matrix: QRMatrix) throws -> String {
        let folder = try TemporaryFolder("raschet-qrcode")
        defer { folder.remove() }
        let url = folder.url("qr.pgm")
        try pgm(matrix).write(to: url)
        var text = try ExternalTool.run("zbarimg", ["-q", "--raw", url.path]).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test("the ГОСТ Р 56042 sample payload encodes as version 17 and decodes back exactly")
    func paymentPayload() throws {
        let matrix = try QRCode.encode(Self.payment)
        #expect(Self.payment.utf8.count == 493)
        #expect(matrix.version == 17)
        #expect(matrix.size == 85)
        #expect(try decode(matrix) == Self.payment)
    }

    @Test("short payloads decode exactly", arguments: ["ST00012|Sum=0", "ё", "№ 1 «a»|b", String(repeating: "Ж", count: 300), String(repeating: "Ёж", count: 350)])
    func roundTrip(payload: String) throws {
        // 1,400 bytes is version 31: its mask is chosen by the module-by-module penalty (over 117 modules).
        #expect(try decode(QRCode.encode(payload)) == payload)
    }

    @Test("finder patterns sit in three corners")
    func finderPatterns() throws {
        let m = try QRCode.encode("HELLO")
        for (r, c) in [(0, 0), (0, m.size - 7), (m.size - 7, 0)] {
            #expect(m[r, c] && m[r + 6, c + 6] && m[r + 3, c + 3] && !m[r + 1, c + 1])
        }
    }

    @Test("an oversized payload is refused")
    func tooLong() {
        #expect(throws: QRCode.Failure.self) { try QRCode.encode(String(repeating: "Ж", count: 2000)) }
    }
}

@Suite("Batch QR encoding")
struct QRCodeBatchTests {
    @Test("encoding many payloads in parallel gives the same matrices in order")
    func parallelMatchesSerial() throws {
        let payloads = (0..<50).map { "ST00012|PersAcc=\(4_102_738_516 + $0)|Sum=\($0)" }
        #expect(try QRCode.encode(all: payloads) == payloads.map { try QRCode.encode($0) })
    }
}

@Suite("Own encoder against libqrencode")
struct QREncoderTests {
    /// The mask libqrencode chose, read back from its format information (first copy, bits 10...12).
    func mask(of matrix: QRMatrix) -> Int {
        var bits = 0
        let positions: [(Int, Int)] = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        for (i, (x, y)) in positions.enumerated() where matrix[y, x] { bits |= 1 << i }
        return ((bits ^ 0x5412) >> 10) & 7
    }

    @Test("every version matches libqrencode module for module with the same mask", arguments: Array(1...40))
    func sameModules(version: Int) throws {
        let length = QREncoder.capacity(version: version)
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ version) }
        let reference = try QRCode.libqrencode(bytes: payload, errorCorrection: .medium)
        #expect(reference.version == version)
        let own = try #require(QREncoder.encode(payload, mask: mask(of: reference)))
        #expect(own.version == version)
        #expect(own == reference)
    }

    @Test("the chosen mask is the first with the lowest module-by-module penalty, on bit sets and on modules",
          arguments: [1, 3, 10, 12, 13, 24, 25, 26, 27])
    func chosenMask(version: Int) throws {
        var state = UInt32(version) &* 2_654_435_761
        func next() -> UInt32 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return state
        }
        let lowest = version == 1 ? 1 : QREncoder.capacity(version: version - 1) + 1
        let highest = QREncoder.capacity(version: version)
        for _ in 0..<(version > 25 ? 3 : 40) {
            let length = lowest + Int(next() >> 8) % (highest - lowest + 1)
            let payload = (0..<length).map { _ in UInt8(truncatingIfNeeded: next() >> 24) }
            let candidates = try (0..<8).map { try #require(QREncoder.encode(payload, mask: $0)) }
            let scores = candidates.map { QREncoder.penalty($0.modules.map { $0 ? 1 : 0 }, size: $0.size) }
            let best = try #require(scores.indices.first { scores[$0] == scores.min() })
            let chosen = try #require(QREncoder.encode(payload))
            #expect(chosen.version == version)
            #expect(chosen == candidates[best], "length \(length)")
        }
    }

    @Test("capacities at level M match the standard's byte-mode table")
    func capacities() {
        #expect(QREncoder.capacity(version: 1) == 14)
        #expect(QREncoder.capacity(version: 10) == 213)
        #expect(QREncoder.capacity(version: 17) == 504)
        #expect(QREncoder.capacity(version: 40) == 2331)
    }
}

@Suite("Mask penalty")
struct MaskPenaltyTests {
    @Test("the bit-set penalty equals the module-by-module penalty", arguments: [1, 2, 7, 10, 17, 25])
    func fastEqualsSlow(version: Int) {
        var state: UInt32 = UInt32(version) &* 2_654_435_761
        for _ in 0..<20 {
            let size = version * 4 + 17
            let modules = (0..<(size * size)).map { _ -> UInt8 in
                state = state &* 1_664_525 &+ 1_013_904_223
                return UInt8(state >> 31)
            }
            #expect(QREncoder.penalty(QRBitRows(modules, size: size), size: size) == QREncoder.penalty(modules, size: size))
        }
    }

    @Test("a mask applied to bit sets gives the bit sets of the masked modules with their format", arguments: [1, 7, 10, 25])
    func maskOnBits(version: Int) {
        let size = version * 4 + 17
        var state: UInt32 = UInt32(version) &* 2_246_822_519
        let base = (0..<(size * size)).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 31)
        }
        let masks = QRMaskBits.forVersion(version)
        let patterns = MaskPatterns.forVersion(version)
        for mask in 0..<8 {
            var modules = zip(base, patterns[mask]).map { $0 ^ $1 }
            QREncoder.drawFormat(&modules, size: size, mask: mask)
            let expected = QRBitRows(modules, size: size)
            var masked = QRBitRows(base.map { 1 - $0 }, size: size)
            masked.setMasked(QRBitRows(base, size: size), masks.masks[mask], formatArea: masks.formatArea)
            #expect(masked.rows == expected.rows && masked.columns == expected.columns, "mask \(mask)")
        }
    }
}
