import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of a three-block 公开06 (seed 000's, printed by Chromium from an HTML table) whose
/// header row put two 科目名称 fields side by side: the blocks were cut with a negative range and the reader
/// trapped (exit 132, `Range requires lowerBound <= upperBound`, a fresh tester's find). Such a header defines no
/// blocks; the table is not read and the run ends with a message and exit 2.
@Suite("公开06 header with two 科目名称 side by side: no trap")
struct EconomicHeaderSideBySideTests {
    /// The tester's cut, verbatim: the table's title, its two pages of rows and its totals.
    static let text = """
2022 年度烟台市医疗保障局部门决算
一般公共预算财政拨款基本支出决算明细表
部门：烟台市医疗保障局
公开 06 表
金额单位：万元
人员经费                          公用经费
科目编码 科目名称            金额 科目编码 科目名称             金额 科目编码 科目名称             金额
301   工资福利支出         2,342.32 302   商品和服务支出 167.81 307     债务利息及费用支出
30101 基本工资             886.73 30201 办公费        24.84 30701 国内债务付息
30102 津贴补贴             661.22 30202 印刷费         6.00 30702 国外债务付息
30103 奖金                37.43 30203 咨询费              30703 国内债务发行费用
30106 伙食补助费                   30204 手续费              30704 国外债务发行费用
30107 绩效工资             241.40 30205 水费          0.41 310   资本性支出       2.77
30108 机关事业单位基本养老保险缴费 142.06 30206 电费            4.92 31001 房屋建筑物购建
30109 职业年金缴费             8.35 30207 邮电费         5.60 31002 办公设备购置      2.77
30110 职工基本医疗保险缴费        64.90 30208 取暖费              31003 专用设备购置
30111 公务员医疗补助缴费         36.34 30209 物业管理费            31005 基础设施建设
30112 其他社会保障缴费          18.77 30211 差旅费         9.18 31006 大型修缮
30113 住房公积金            209.74 30212 因公出国（境）费用        31007 信息网络及软件购置更新
30114 医疗费                     30213 维修（护）费      1.69 31008 物资储备
30199 其他工资福利支出          35.38 30214 租赁费         0.11 31009 土地补偿
\u{0C}303   对个人和家庭的补助           19.25 30215 会议费        4.31 31010 安置补助
人员经费                           公用经费
科目编码 科目名称           金额         科目编码 科目名称          金额 科目编码 科目名称                    金额
30301   离休费                    30216   培训费        2. 39 31011 地上附着物和青苗补偿
30302   退休费         16. 28 30217       公务接待费      2. 59 31012 拆迁补偿
30303   退职(役)费                 30218   专用材料费             31013 公务用车购置
30304   抚恤金                    30224   被装购置费             31019 其他交通工具购置
30305   生活补助                   30225   专用燃料费             31021 文物和陈列品购置
30306   救济费                    30226   劳务费        0. 44 31022 无形资产购置
30307   医疗费补助                  30227   委托业务费      8. 48 31099 其他资本性支出
30308   助学金                    30228   工会经费       39. 22 312   对企业补助
30309   奖励金         0. 15      30229   福利费        0. 39 31201 资本金注入
30310   个人农业生产补贴               30231   公务用车运行维护费 2. 08 31203 政府投资基金股权投资
30311   代缴社会保险费                30239   其他交通费用     24. 85 31204 费用补贴
30399   其他对个人和家庭的补助 2. 82      30240   税金及附加费用           31205 利息补贴
                               30299   其他商品和服务支出 30. 32 31299 其他对企业补助
                                                         399   其他支出
                                                         39907 国家赔偿费用支出
                                                         39908 对民间非营利组织和群众性自治组织补贴
                                                         39909 经常性赠与
                                                         39910 资本性赠与
                                                         39999 其他支出
人员经费合计              2, 361. 57 公用经费合计                                             170. 58
注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。
"""

    @Test("read as text: exit 2 with the no-table message, no trap")
    func noTrap() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("06.layout.txt")
        try Self.text.write(to: file, atomically: true, encoding: .utf8)
        for command in ["cells", "check", "show"] {
            let run = try BudgetLensBinary.run([command, file.path])
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("未找到部门决算公开表"), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"), "\(command)")
        }
    }
}
