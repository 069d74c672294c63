/// Reed–Solomon over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (§7.5.2).
enum ReedSolomon {
    static let (exp, log): ([UInt8], [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = UInt8(x)
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
    }

    /// The generator polynomial (x - α⁰)(x - α¹)…(x - α^(degree-1)), coefficients high to low, the
    /// leading 1 left out.
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, c) in poly.enumerated() {
                next[j] ^= c
                next[j + 1] ^= multiply(c, exp[i])
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    /// The error correction codewords of one generator, by table: row f holds f times the generator's
    /// coefficients, 32 bytes as 4 words (byte i at bits 8i...). Dividing then takes, per data byte,
    /// one shift of the remainder by a byte and one exclusive-or of 4 words, not a multiplication per
    /// coefficient.
    struct Table: Sendable {
        /// Error correction codewords per block, at most 32.
        let degree: Int
        private let rows: [UInt64]

        init(degree: Int) {
            precondition(degree <= 32)
            self.degree = degree
            let generator = ReedSolomon.generator(degree: degree)
            var rows = [UInt64](repeating: 0, count: 256 * 4)
            for factor in 0..<256 {
                for (i, coefficient) in generator.enumerated() {
                    rows[factor * 4 + i / 8] |= UInt64(multiply(UInt8(factor), coefficient)) << (8 * (i % 8))
                }
            }
            self.rows = rows
        }

        /// The error correction codewords of `data`: the remainder of data·x^n divided by the generator.
        func remainder(_ data: ArraySlice<UInt8>) -> [UInt8] {
            var (w0, w1, w2, w3): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            rows.withUnsafeBufferPointer { rows in
                for byte in data {
                    let row = Int(byte ^ UInt8(truncatingIfNeeded: w0)) * 4
                    w0 = (w0 >> 8 | w1 << 56) ^ rows[row]
                    w1 = (w1 >> 8 | w2 << 56) ^ rows[row + 1]
                    w2 = (w2 >> 8 | w3 << 56) ^ rows[row + 2]
                    w3 = w3 >> 8 ^ rows[row + 3]
                }
            }
            let words = [w0, w1, w2, w3]
            return (0..<degree).map { UInt8(truncatingIfNeeded: words[$0 / 8] >> (8 * ($0 % 8))) }
        }
    }
}
