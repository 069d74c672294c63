import RaschetCore

/// The small fixed tables of a synthetic data set: they mirror `Fixtures/` (same suppliers,
/// services, tariffs and key rates), so figures from the two can be compared.
enum ReferenceTables {
    static let suppliers: [[String]] = [
        ["VODOKANAL", "АО «Вологдагорводоканал»", "3525142314", "352501001", "ПАО СБЕРБАНК", "041909644",
         "30101810900000000644", "40702810212000004182", "160009, г. Вологда, ул. Мальцева, д. 7", "+7 (8172) 72-45-10"],
        ["TEPLO", "ПАО «Вологодская теплосетевая компания»", "3525401985", "352501001",
         "Филиал № 7806 Банка ВТБ (ПАО)", "044030707", "30101810240300000707", "40702810700230001847",
         "160011, г. Вологда, ул. Козленская, д. 63", "+7 (8172) 53-20-11"],
        ["UK", "ООО «УК Жилкомфорт»", "3525376619", "352501001", "ПАО СБЕРБАНК", "041909644",
         "30101810900000000644", "40702810412000021509", "160035, г. Вологда, ул. Пролетарская, д. 45, пом. 2",
         "+7 (8172) 26-14-48"],
    ]

    /// service_id, name, unit, supplier_id, method, vat_mode, absence_recalc, group.
    static let services: [[String]] = [
        ["HVS", "Холодное водоснабжение", "м³", "VODOKANAL", "meter", "included", "0", "Водоснабжение"],
        ["HVS_N", "Холодное водоснабжение (по нормативу)", "м³", "VODOKANAL", "norm", "included", "1", "Водоснабжение"],
        ["VO_N", "Водоотведение (по нормативу)", "м³", "VODOKANAL", "norm", "included", "1", "Водоснабжение"],
        ["HVS_SOI", "ХВС на содержание общего имущества", "м³", "VODOKANAL", "quantity", "included", "0", "Водоснабжение"],
        ["HVS_B", "Холодное водоснабжение (договор)", "м³", "VODOKANAL", "meter", "on_top", "0", "Водоснабжение"],
        ["VO_B", "Водоотведение (договор)", "м³", "VODOKANAL", "quantity", "on_top", "0", "Водоснабжение"],
        ["OTOP", "Отопление", "м²", "TEPLO", "area", "included", "0", "Теплоснабжение"],
        ["GVS", "Горячее водоснабжение", "м³", "TEPLO", "meter", "included", "0", "Теплоснабжение"],
        ["GVS_N", "Горячее водоснабжение (по нормативу)", "м³", "TEPLO", "norm", "included", "1", "Теплоснабжение"],
        ["TEPLO_B", "Тепловая энергия (договор)", "Гкал", "TEPLO", "quantity", "on_top", "0", "Теплоснабжение"],
        ["EE", "Электроснабжение", "кВт·ч", "UK", "meter", "included", "0", "Электроснабжение"],
        ["EE_N", "Электроснабжение (по нормативу)", "кВт·ч", "UK", "norm", "included", "0", "Электроснабжение"],
        ["EE_SOI", "Электроэнергия на содержание общего имущества", "кВт·ч", "UK", "quantity", "included", "0", "Электроснабжение"],
        ["SOD", "Содержание жилого помещения", "м²", "UK", "area", "included", "0", "Жилищные услуги"],
        ["KAPREM", "Взнос на капитальный ремонт", "м²", "UK", "area", "exempt", "0", "Жилищные услуги"],
        ["TKO", "Обращение с твердыми коммунальными отходами", "чел.", "UK", "norm", "included", "1", "Жилищные услуги"],
        ["DOMOFON", "Обслуживание домофона", "кв.", "UK", "fixed", "included", "0", "Жилищные услуги"],
        ["TKO_B", "Вывоз ТКО (договор)", "м³", "UK", "quantity", "on_top", "0", "Жилищные услуги"],
        ["SOD_B", "Содержание нежилого помещения (договор)", "м²", "UK", "area", "on_top", "0", "Жилищные услуги"],
    ]

    struct TariffLine {
        var service: String
        var zone = "single"
        var category = "household"
        var norm = ""
        var coefficient = ""
        /// (valid_from, price), oldest first.
        var prices: [(String, String)]
    }

    static let utilityDates = ["2025-07-01", "2026-01-01", "2026-10-01"]

    static func utility(_ service: String, _ prices: [String], zone: String = "single", category: String = "household",
                        norm: String = "", coefficient: String = "") -> TariffLine {
        TariffLine(service: service, zone: zone, category: category, norm: norm, coefficient: coefficient,
                   prices: Array(zip(utilityDates, prices)))
    }

    static let tariffs: [TariffLine] = [
        utility("HVS", ["51.46", "52.34", "57.52"], norm: "4.1"),
        utility("HVS_N", ["51.46", "52.34", "57.52"], norm: "4.1", coefficient: "1"),
        utility("VO_N", ["37.51", "38.15", "41.93"], norm: "7.3", coefficient: "1"),
        utility("HVS_SOI", ["51.46", "52.34", "57.52"]),
        utility("HVS_B", ["42.88", "42.90", "47.15"], category: "business"),
        utility("VO_B", ["31.26", "31.27", "34.37"], category: "business"),
        utility("OTOP", ["53.90", "54.82", "60.25"]),
        utility("GVS", ["243.15", "247.28", "271.76"], norm: "3.2"),
        utility("GVS_N", ["243.15", "247.28", "271.76"], norm: "3.2", coefficient: "1"),
        utility("TEPLO_B", ["2417.47", "2418.25", "2657.66"], category: "business"),
        utility("EE", ["6.32", "6.43", "7.07"], norm: "95"),
        utility("EE", ["6.95", "7.07", "7.77"], zone: "day"),
        utility("EE", ["3.52", "3.58", "3.93"], zone: "night"),
        utility("EE_N", ["6.32", "6.43", "7.07"], norm: "95", coefficient: "1.5"),
        utility("EE_SOI", ["6.32", "6.43", "7.07"]),
        TariffLine(service: "SOD", prices: [("2025-07-01", "33.40"), ("2026-07-01", "34.80")]),
        TariffLine(service: "KAPREM", prices: [("2025-01-01", "10.97"), ("2026-01-01", "11.60")]),
        utility("TKO", ["319.95", "325.40", "357.61"], norm: "1", coefficient: "1"),
        TariffLine(service: "DOMOFON", prices: [("2025-07-01", "45.00"), ("2026-07-01", "50.00")]),
        utility("TKO_B", ["734.60", "735.20", "808.00"], category: "business"),
        TariffLine(service: "SOD_B", category: "business", prices: [("2025-07-01", "27.83"), ("2026-07-01", "29.00")]),
    ]

    /// Bank of Russia key rate decisions (effective dates), as in `Fixtures/key_rates.csv`.
    static let keyRates: [(String, String)] = [
        ("2022-02-28", "20"), ("2022-04-11", "17"), ("2022-05-04", "14"), ("2022-05-27", "11"),
        ("2022-06-14", "9.5"), ("2022-07-25", "8"), ("2022-09-19", "7.5"), ("2023-07-24", "8.5"),
        ("2023-08-15", "12"), ("2023-09-18", "13"), ("2023-10-30", "15"), ("2023-12-18", "16"),
        ("2024-07-29", "18"), ("2024-09-16", "19"), ("2024-10-28", "21"), ("2025-06-09", "20"),
        ("2025-07-28", "18"), ("2025-09-15", "17"), ("2025-10-27", "16.5"), ("2025-12-22", "16"),
        ("2026-02-16", "15.5"),
    ]
}
