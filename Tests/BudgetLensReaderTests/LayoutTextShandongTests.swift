import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// `pdftotext -layout` text of the Shandong template (seeds 000 and 001 printed by `render --to pdf`, tables cut out
/// of their layout text): 栏次 numbers right-aligned beside centred headings, `栏次 1 栏次 2 3 4 5` over 公开04's two
/// blocks, a 行次 one space from its amount (`1 939.04`), an amount one space from the next block's label
/// (`939.04 一、一般公共服务支出`), crowded headings (`行次 金额`, `行次 合计`, the three fund headings), a page number
/// under a table continued overleaf and its header repeated there at other columns, 公开06 in three blocks
/// (docs/layout-prose.md).
@Suite("layout text: Shandong template tables (栏次 numbers, crowded cells, continuation pages)")
struct LayoutTextShandongTests {
    /// 公开03 of seed 000: page 6's rows, its page number `6`, page 7's repeated header at other columns and rows.
    static let expenditure = [
        "\u{0C}                                         支出决算表",
        "                                                                                         公开03表",
        "部门：烟台市医疗保障局                                                                           金额单位：万元",
        "                 项目          本年支出合计        基本支出       项目支出       上缴上级支出   经营支出    对附属单位补助支出",
        "  科目编码                科目名称",
        "                 栏次               1            2          3         4       5          6",
        "合计                            8,431.28     2,532.15   5,899.13     0.00    0.00       0.00",
        "208       社会保障和就业支出             139.52       107.74      31.78     0.00    0.00       0.00",
        "20805     行政事业单位养老支出            107.74       107.74       0.00     0.00    0.00       0.00",
        "2080505   机关事业单位基本养老保险缴费支出      107.74       107.74       0.00     0.00    0.00       0.00",
        "20899     其他社会保障和就业支出            31.78         0.00      31.78     0.00    0.00       0.00",
        "2089999   其他社会保障和就业支出            31.78         0.00      31.78     0.00    0.00       0.00",
        "210       卫生健康支出              7,152.54     2,424.41   4,728.13     0.00    0.00       0.00",
        "21011     行政事业单位医疗               76.09        76.09       0.00     0.00    0.00       0.00",
        "2101102   事业单位医疗                 49.16        49.16       0.00     0.00    0.00       0.00",
        "2101199   其他行政事业单位医疗支出           26.93        26.93       0.00     0.00    0.00       0.00",
        "21013     医疗救助                3,460.00         0.00   3,460.00     0.00    0.00       0.00",
        "2101301   城乡医疗救助              3,460.00         0.00   3,460.00     0.00    0.00       0.00",
        "21015     医疗保障管理事务            3,616.45     2,348.32   1,268.13     0.00    0.00       0.00",
        "2101501   行政运行                  665.85       653.85      12.00     0.00    0.00       0.00",
        "2101502   一般行政管理事务              555.17         0.00     555.17     0.00    0.00       0.00",
        "2101504   信息化建设                 150.64         0.00     150.64     0.00    0.00       0.00",
        "2101506   医疗保障经办事务              530.32         0.00     530.32     0.00    0.00       0.00",
        "2101550   事业运行                1,714.47     1,694.47      20.00     0.00    0.00       0.00",
        "215       资源勘探工业信息等支出             5.22         0.00       5.22     0.00    0.00       0.00",
        "21505     工业和信息产业监管               5.22         0.00       5.22     0.00    0.00       0.00",
        "2150599   其他工业和信息产业监管支出           5.22         0.00       5.22     0.00    0.00       0.00",
        "223       国有资本经营预算支出          1,000.00         0.00   1,000.00     0.00    0.00       0.00",
        "22301     解决历史遗留问题及改革成本支出     1,000.00         0.00   1,000.00     0.00    0.00       0.00",
        "2230108   离休干部医药费补助支出         1,000.00         0.00   1,000.00     0.00    0.00       0.00",
        "",
        "                                           6",
        "\u{0C}                 项目          本年支出合计     基本支出     项目支出      上缴上级支出   经营支出    对附属单位补助支出",
        "  科目编码                科目名称",
        "                 栏次              1        2         3         4       5          6",
        "229       其他支出                 134.00     0.00    134.00     0.00    0.00       0.00",
        "22960     彩票公益金安排的支出           134.00     0.00    134.00     0.00    0.00       0.00",
        "2296013   用于城乡医疗救助的彩票公益金支出     134.00     0.00    134.00     0.00    0.00       0.00",
        "注：本表反映部门本年度各项支出情况。",
    ]

    /// 公开04 of seed 001.
    static let appropriation = [
        "\u{0C}                                      财政拨款收入支出决算总表",
        "                                                                                              公开04表",
        "单位：威海市医疗保障局（本级）                                                                            金额单位：万元",
        "          收入                                                      支出",
        "       项目         行次 金额              项目        行次 合计       一般公共预算财政拨款   政府性基金预算财政拨款   国有资本经营预算财政拨款",
        "         栏次             1              栏次           2            3            4             5",
        "一、一般公共预算财政拨款        1 939.04 一、一般公共服务支出        33   0.00         0.00        0.00          0.00",
        "二、政府性基金预算财政拨款      2    0.00 二、外交支出            34   0.00         0.00        0.00          0.00",
        "三、国有资本经营预算财政拨款     3    0.00 三、国防支出            35   0.00         0.00        0.00          0.00",
        "                   4         四、公共安全支出          36   0.00         0.00        0.00          0.00",
        "                   5         五、教育支出            37   0.00         0.00        0.00          0.00",
        "                   6         六、科学技术支出          38   0.00         0.00        0.00          0.00",
        "                   7         七、文化旅游体育与传媒支出     39   0.00         0.00        0.00          0.00",
        "                   8         八、社会保障和就业支出       40 39.24         39.24        0.00          0.00",
        "                   9         九、卫生健康支出          41 883.89       883.89        0.00          0.00",
        "                  10         十、节能环保支出          42   0.00         0.00        0.00          0.00",
        "                   11        十一、城乡社区支出         43   0.00         0.00        0.00          0.00",
        "                  12         十二、农林水支出          44   0.00         0.00        0.00          0.00",
        "                  13         十三、交通运输支出         45   0.00         0.00        0.00          0.00",
        "                  14         十四、资源勘探工业信息等支出    46   0.00         0.00        0.00          0.00",
        "                  15         十五、商业服务业等支出       47   0.00         0.00        0.00          0.00",
        "                  16         十六、金融支出           48   0.00         0.00        0.00          0.00",
        "                  17         十七、援助其他地区支出       49   0.00         0.00        0.00          0.00",
        "                  18         十八、自然资源海洋气象等支出    50   0.00         0.00        0.00          0.00",
        "                  19         十九、住房保障支出         51 35.51         35.51        0.00          0.00",
        "                  20         二十、粮油物资储备支出       52   0.00         0.00        0.00          0.00",
        "                  21         二十一、国有资本经营预算支出    53   0.00         0.00        0.00          0.00",
        "                  22         二十二、灾害防治及应急管理支出   54   0.00         0.00        0.00          0.00",
        "                  23         二十三、其他支出          55   0.00         0.00        0.00          0.00",
        "                  24         二十四、债务还本支出        56   0.00         0.00        0.00          0.00",
        "",
        "                                                 6",
        "\u{0C}             收入                                                  支出",
        "      项目          行次 金额            项目         行次 合计       一般公共预算财政拨款   政府性基金预算财政拨款   国有资本经营预算财政拨款",
        "        栏次             1             栏次            2            3            4             5",
        "                  25        二十五、债务付息支出        57   0.00         0.00        0.00          0.00",
        "                  26        二十六、抗疫特别国债安排的支出   58   0.00         0.00        0.00          0.00",
        "本年收入合计            27 939.04 本年支出合计            59 958.64       958.64        0.00          0.00",
        "年初财政拨款结转和结余       28 19.59 年末财政拨款结转和结余        60   0.00         0.00        0.00          0.00",
        "一般公共预算财政拨款        29 19.59                    61",
        "政府性基金预算财政拨款       30   0.00                   62",
        "国有资本经营预算财政拨款      31   0.00                   63",
        "总计                32 958.64 总计                64 958.64      958.64        0.00           0.00",
        "注：本表反映单位本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
    ]

    /// 公开06 of seed 000 in three blocks: page 11, then page 12 whose columns pdftotext set elsewhere (its header
    /// repeated), its cells crowded one space apart (`30311 代缴社会保险费`, `0.00 30239`, `金额 科目编码`) and the right
    /// block's last rows moved left where the middle block ends.
    static let economic = [
        "\u{0C}                                    一般公共预算财政拨款基本支出决算明细表",
        "                                                                                              公开06表",
        "部门：烟台市医疗保障局                                                                                金额单位：万元",
        "              人员经费                                                     公用经费",
        " 科目编码         科目名称         金额        科目编码       科目名称     金额       科目编码              科目名称       金额",
        "301     工资福利支出           2,342.32   302     商品和服务支出     167.81   307      债务利息及费用支出             0.00",
        "30101   基本工资               886.73   30201   办公费          24.84   30701    国内债务付息                0.00",
        "30102   津贴补贴               661.22   30202   印刷费           6.00   30702    国外债务付息                0.00",
        "30103   奖金                  37.43   30203   咨询费           0.00   30703    国内债务发行费用              0.00",
        "30106   伙食补助费                0.00   30204   手续费           0.00   30704    国外债务发行费用              0.00",
        "30107   绩效工资               241.40   30205   水费            0.41   310      资本性支出                 2.77",
        "30108   机关事业单位基本养老保险缴费     142.06   30206   电费            4.92   31001    房屋建筑物购建               0.00",
        "30109   职业年金缴费               8.35   30207   邮电费           5.60   31002    办公设备购置                2.77",
        "30110   职工基本医疗保险缴费          64.90   30208   取暖费           0.00   31003    专用设备购置                0.00",
        "30111   公务员医疗补助缴费           36.34   30209   物业管理费         0.00   31005    基础设施建设                0.00",
        "30112   其他社会保障缴费            18.77   30211   差旅费           9.18   31006    大型修缮                  0.00",
        "30113   住房公积金              209.74   30212   因公出国（境）费用     0.00   31007    信息网络及软件购置更新           0.00",
        "30114   医疗费                  0.00   30213   维修（护）费        1.69   31008    物资储备                  0.00",
        "30199   其他工资福利支出            35.38   30214   租赁费           0.11   31009    土地补偿                  0.00",
        "303     对个人和家庭的补助           19.25   30215   会议费           4.31   31010    安置补助                  0.00",
        "30301   离休费                  0.00   30216   培训费           2.39   31011    地上附着物和青苗补偿            0.00",
        "30302   退休费                 16.28   30217   公务接待费         2.59   31012    拆迁补偿                  0.00",
        "30303   退职(役)费               0.00   30218   专用材料费         0.00   31013    公务用车购置                0.00",
        "30304   抚恤金                  0.00   30224   被装购置费         0.00   31019    其他交通工具购置              0.00",
        "30305   生活补助                 0.00   30225   专用燃料费         0.00   31021    文物和陈列品购置              0.00",
        "30306   救济费                  0.00   30226   劳务费           0.44   31022    无形资产购置                0.00",
        "30307   医疗费补助                0.00   30227   委托业务费         8.48   31099    其他资本性支出               0.00",
        "30308   助学金                  0.00   30228   工会经费         39.22   312      对企业补助                 0.00",
        "30309   奖励金                  0.15   30229   福利费           0.39   31201    资本金注入                 0.00",
        "30310   个人农业生产补贴             0.00   30231   公务用车运行维护费     2.08   31203    政府投资基金股权投资            0.00",
        "",
        "                                                  11",
        "\u{0C}             人员经费                                            公用经费",
        " 科目编码        科目名称        金额     科目编码     科目名称    金额 科目编码                 科目名称         金额",
        "30311 代缴社会保险费             0.00 30239 其他交通费用      24.85 31204    费用补贴                   0.00",
        "30399 其他对个人和家庭的补助         2.82 30240 税金及附加费用      0.00 31205    利息补贴                   0.00",
        "                               30299 其他商品和服务支出   30.32 31299    其他对企业补助                0.00",
        "                                                       399      其他支出                   0.00",
        "                                                       39907    国家赔偿费用支出               0.00",
        "                                                       39908    对民间非营利组织和群众性自治组织补贴     0.00",
        "                                                       39909    经常性赠与                  0.00",
        "                                                       39910    资本性赠与                  0.00",
        "                                                       39999    其他支出                   0.00",
        "人员经费合计                  2,361.57 公用经费合计                                              170.58",
        "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    ]

    private func read(_ lines: [String]) throws -> Disclosure {
        try DisclosureReader.read(data: Data((lines.joined(separator: "\n") + "\n").utf8), file: "planted.txt")
    }

    /// `code-or-item 行次 column value` (value: 万元 × 1,000,000) of every cell of the table.
    private func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        disclosure.table(id)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? row.item) \(row.line.map(String.init) ?? "-") \($0.column) \($0.value?.fen.description ?? "nil")" }
        } ?? []
    }

    @Test("公开03 over two pages: six columns, the page number and the repeated header not read as rows")
    func expenditureOverTwoPages() throws {
        let disclosure = try read(Self.expenditure)
        let read = cells(disclosure, .expenditure)
        // Before: 13 columns on the first page's header and the second's (栏次 numbers and headings apart), the
        // page number `6` a column of its own, the repeated header read as a row `项目`.
        #expect(read.count == 162)
        #expect(Set(read.map { $0.split(separator: " ")[2] }) == ["1", "2", "3", "4", "5", "6"])
        #expect(read.filter { $0.hasPrefix("合计 ") } == [
            "合计 - 1 8431280000", "合计 - 2 2532150000", "合计 - 3 5899130000", "合计 - 4 0", "合计 - 5 0", "合计 - 6 0",
        ])
        #expect(read.filter { $0.hasPrefix("2296013 ") } == [
            "2296013 - 1 134000000", "2296013 - 2 0", "2296013 - 3 134000000", "2296013 - 4 0", "2296013 - 5 0", "2296013 - 6 0",
        ])
        #expect(!read.contains { $0.hasPrefix("项目 ") })
        #expect(!disclosure.problems.contains { $0.severity == .error })
    }

    @Test("silent: the same 公开03 without its 栏次 lines reads the same cells")
    func withoutColumnNumbers() throws {
        let without = try read(Self.expenditure.filter { !$0.contains("栏次") })
        #expect(cells(without, .expenditure) == cells(try read(Self.expenditure), .expenditure))
    }

    @Test("公开06 in three blocks over two pages: every code, label and amount in its block, no code read as an amount")
    func economicOverTwoPages() throws {
        let disclosure = try read(Self.economic)
        let read = cells(disclosure, .generalBudgetBasicExpenditure)
        // Before: the three amounts of a row in one cell (`2,342.32 167.81 0.00`), the right block's codes as the
        // middle block's amounts (`30701.00` for 30201), page 12's rows lost or merged.
        #expect(read.count == 91)
        for expected in [
            "301 - 1 2342320000", "302 - 1 167810000", "307 - 1 0", "30201 - 1 24840000", "30701 - 1 0",
            "30311 - 1 0", "30239 - 1 24850000", "31204 - 1 0", "30299 - 1 30320000", "31299 - 1 0", "399 - 1 0",
            "39999 - 1 0", "人员经费合计 - 1 2361570000", "公用经费合计 - 1 170580000",
        ] {
            #expect(read.contains(expected), "\(expected)")
        }
        #expect(!read.contains { $0.hasSuffix(" nil") })
        #expect(!disclosure.problems.contains { $0.severity == .error })
        let labels = disclosure.table(.generalBudgetBasicExpenditure)?.rows.map(\.item) ?? []
        #expect(labels.contains("其他商品和服务支出") && labels.contains("其他对企业补助") && labels.contains("其他支出"))
    }

    @Test("公开04: 行次 apart from amounts, each amount in its 栏次; numbers out of order are not taken as 栏次")
    func appropriation() throws {
        let disclosure = try read(Self.appropriation)
        let read = cells(disclosure, .appropriationSummary)
        // Before: refused (the 行次 column read as amounts: 1.00, 2.00 … 26.00).
        #expect(read.count == 160)
        #expect(read.contains("一、一般公共预算财政拨款 1 1 939040000"))
        #expect(read.contains("八、社会保障和就业支出 40 2 39240000") && read.contains("八、社会保障和就业支出 40 3 39240000"))
        #expect(read.filter { $0.hasPrefix("总计 64 ") } == ["总计 64 2 958640000", "总计 64 3 958640000", "总计 64 4 0", "总计 64 5 0"])
        // `栏次 1 栏次 2 3 5 4` is no column numbering (the numbers are not 1…n in order): the rule stays silent.
        let shuffled = Self.appropriation.map { $0.contains("栏次") ? $0.replacingOccurrences(of: "4             5", with: "5             4") : $0 }
        #expect(shuffled != Self.appropriation)
        #expect(cells(try self.read(shuffled), .appropriationSummary) != read)
    }
}
