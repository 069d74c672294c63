import Foundation
import PDFWriter
import QRCode
import RaschetCore
import RaschetDocuments
import RaschetLayout
import ReceiptFixture

/// Wall-clock benchmark of the anchors' receipt through the receipt template:
/// `pdf-bench [--fonts DIR] [--templates DIR] [--batch N] [--separate N] [--out DIR] [--level L] [--distinct-payers]`.
///
/// `--distinct-payers` gives every copy its own payer name and address (as the accounts of a real run
/// have), so that the copies do not all use the same glyphs.
///
/// Times run from after the fonts and fixture are loaded to the last byte written, as the anchors'
/// "in-script" figures do (their font loading is inside the timer; ours takes about 5 ms and is
/// reported separately).

var fontsDirectory = "../Fonts"
var templatesDirectory = "../Templates"
var batchCount = 1000
var separateCount = 1000
var outDirectory = "/tmp/raschet-pdf-bench"
var level: Int32 = 6
var distinctPayers = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--fonts": fontsDirectory = arguments.next()!
    case "--templates": templatesDirectory = arguments.next()!
    case "--batch": batchCount = Int(arguments.next()!)!
    case "--separate": separateCount = Int(arguments.next()!)!
    case "--out": outDirectory = arguments.next()!
    case "--level": level = Int32(arguments.next()!)!
    case "--distinct-payers": distinctPayers = true
    default: fatalError("unknown argument \(argument)")
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// User + system CPU seconds of this process so far: on a shared machine this moves less than wall time.
func cpu() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func cpuNote(_ since: Double, _ count: Int) -> String {
    let seconds = cpu() - since
    return String(format: "(CPU %.3f s = %.2f ms per item)", seconds, seconds * 1000 / Double(count))
}

let loadStart = now()
let family = try FontFamily.ptSans(directory: fontsDirectory)
let receipt = try Receipt.load()
let date = PDFDate(secondsSinceEpoch: 1_793_000_000)
let options = PDFWriteOptions(compressionLevel: level)
let renderer = try ReceiptRenderer(templates: TemplateDirectory(path: templatesDirectory), fonts: family, options: options)
let loadSeconds = now() - loadStart
try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)

let payersDiffer = distinctPayers

/// Copy `index` of the fixture, with a payer of its own under `--distinct-payers`.
func content(_ index: Int) -> ReceiptContent {
    var content = receipt.content(copy: index)
    if payersDiffer {
        let surnames = ["Кузнецов", "Шишкин", "Юдин", "Цветков", "Щербаков", "Эйдельман", "Хабибуллин", "Жуков", "Фёдоров", "Ясинский", "Гончаров"]
        let names = ["Пётр", "Эдуард", "Юлиан", "Фрол", "Цезарь", "Щукарь", "Илья", "Ждан", "Харитон", "Шамиль", "Ян", "Zoe"]
        let streets = ["ул. Щорса", "пр. Юности", "ул. Чкалова", "пер. Цветочный", "ул. Фрунзе", "б-р Энтузиастов", "ул. Жданова"]
        content.account.name = surnames[index % surnames.count] + " " + names[(index / surnames.count) % names.count] + " Ъ."
        content.account.address = "г. Ёлкино, " + streets[(index / 7) % streets.count] + ", д. \(index % 97 + 1), кв. \(index % 251 + 1)"
    }
    return content
}

func renderOne(_ index: Int) throws -> [UInt8] {
    try renderer.render(content(index), creationDate: date, attachment: nil)
}

print("zlib level \(level)")
print("fonts+fixture+template load: \(String(format: "%.1f", loadSeconds * 1000)) ms; cores: \(ProcessInfo.processInfo.activeProcessorCount)")

if batchCount > 0 {
    let start = now()
    let cpuStart = cpu()
    let batch = renderer.batch(title: "Квитанции", creationDate: date)
    // QR codes are encoded 64 at a time on all cores, one chunk ahead, and their paths prepared; page
    // contents are compressed 32 at a time on all cores inside PDFDocument; layout runs on this thread.
    // The next chunk's contents and codes are prepared in a task while this chunk is laid out.
    let pages = batchCount
    @Sendable func prepare(_ start: Int) throws -> [(ReceiptContent, QRCodeImage)] {
        let contents = Array(start..<min(start + 64, pages)).map { content($0) }
        return zip(contents, try QRCode.encode(all: contents.map(\.qrPayload))).map { ($0, QRCodeImage($1)) }
    }
    var index = 0
    var next = Task { try prepare(0) }
    while index < batchCount {
        let chunk = try await next.value
        if index + chunk.count < batchCount {
            let start = index + chunk.count
            next = Task { try prepare(start) }
        }
        for (content, code) in chunk {
            try batch.append(content, qr: code)
            index += 1
        }
    }
    let bytes = try batch.finish()
    let path = outDirectory + "/batch.pdf"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    let seconds = now() - start
    print(String(format: "batch: %d pages in %.3f s = %.0f pages/s, %d bytes = %.0f bytes/page -> %@ %@",
                 batchCount, seconds, Double(batchCount) / seconds, bytes.count, Double(bytes.count) / Double(batchCount), path,
                 cpuNote(cpuStart, batchCount)))
}

if separateCount > 0 {
    let directory = outDirectory + "/separate"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // One core, in order.
    var start = now()
    var cpuStart = cpu()
    var total = 0
    let serialCount = min(separateCount, 300)
    for index in 0..<serialCount {
        let bytes = try renderOne(index)
        total += bytes.count
        _ = FileManager.default.createFile(atPath: String(format: "%@/receipt_%04d.pdf", directory, index), contents: Data(bytes))
    }
    var seconds = now() - start
    print(String(format: "separate, 1 task: %d files in %.3f s = %.0f files/s, %.0f bytes/file %@",
                 serialCount, seconds, Double(serialCount) / seconds, Double(total) / Double(serialCount), cpuNote(cpuStart, serialCount)))

    // All cores: a task group bounded by the core count, each task renders and writes one file.
    let width = ProcessInfo.processInfo.activeProcessorCount
    start = now()
    cpuStart = cpu()
    total = try await withThrowingTaskGroup(of: Int.self) { group in
        var next = 0
        var sum = 0
        func submit(_ index: Int) {
            group.addTask {
                let bytes = try renderOne(index)
                _ = FileManager.default.createFile(atPath: String(format: "%@/receipt_%04d.pdf", directory, index), contents: Data(bytes))
                return bytes.count
            }
        }
        while next < min(width, separateCount) { submit(next); next += 1 }
        while let size = try await group.next() {
            sum += size
            if next < separateCount { submit(next); next += 1 }
        }
        return sum
    }
    seconds = now() - start
    print(String(format: "separate, %d tasks: %d files in %.3f s = %.0f files/s, %.0f bytes/file -> %@ %@",
                 width, separateCount, seconds, Double(separateCount) / seconds, Double(total) / Double(separateCount), directory,
                 cpuNote(cpuStart, separateCount)))
}
