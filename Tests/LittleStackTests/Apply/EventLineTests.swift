import Foundation
import Testing
@testable import LittleStack

@Suite struct EventLineTests {
    @Test func plainLines() {
        // 1_795_000_000 is 2026-11-18T11:06:40Z
        #expect(EventLine.plain(event("1", "Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", t: 0))
            == "2026-11-18T11:06:40Z  CREATE_IN_PROGRESS  AWS::S3::Bucket  Bucket")
        #expect(EventLine.plain(event("2", "Bucket", "AWS::S3::Bucket", "CREATE_FAILED", "name taken", t: 65))
            == "2026-11-18T11:07:45Z  CREATE_FAILED  AWS::S3::Bucket  Bucket  name taken")
        #expect(EventLine.plain(event("3", "Bucket", "AWS::S3::Bucket", "CREATE_COMPLETE", "", t: 65))
            == "2026-11-18T11:07:45Z  CREATE_COMPLETE  AWS::S3::Bucket  Bucket")
    }

    @Test func liveTableSettlesRowsAndRedrawsTheRest() {
        var table = LiveEventTable(knownLogicalIDs: ["Function", "Bucket"], knownTypes: [functionType, "AWS::S3::Bucket"],
                                   width: 100, height: 10, color: false)
        let first = table.update(with: [
            event("1", "api", stackType, "UPDATE_IN_PROGRESS", "User Initiated", t: 0),
            event("2", "Function", functionType, "UPDATE_IN_PROGRESS", t: 1),
            event("3", "Bucket", "AWS::S3::Bucket", "UPDATE_IN_PROGRESS", t: 1),
        ])
        #expect(first == """
            Time      Logical ID  Type                        Status                       Reason
            11:06:40  api         AWS::CloudFormation::Stack  UPDATE_IN_PROGRESS           User Initiated
            11:06:41  Function    AWS::Lambda::Function       UPDATE_IN_PROGRESS
            11:06:41  Bucket      AWS::S3::Bucket             UPDATE_IN_PROGRESS

            """)
        let second = table.update(with: [event("4", "Bucket", "AWS::S3::Bucket", "UPDATE_COMPLETE", t: 2)])
        #expect(second == "\u{1B}[3F\u{1B}[J" + """
            11:06:42  Bucket      AWS::S3::Bucket             UPDATE_COMPLETE
            11:06:40  api         AWS::CloudFormation::Stack  UPDATE_IN_PROGRESS           User Initiated
            11:06:41  Function    AWS::Lambda::Function       UPDATE_IN_PROGRESS

            """)
        let third = table.update(with: [
            event("5", "Function", functionType, "UPDATE_FAILED", "Memory size 99 is not within the allowed range of 128 to 10240 MB", t: 3),
            event("6", "api", stackType, "UPDATE_ROLLBACK_COMPLETE", t: 9),
        ])
        #expect(third == "\u{1B}[2F\u{1B}[J" + """
            11:06:43  Function    AWS::Lambda::Function       UPDATE_FAILED                Memory size 99 is no…
            11:06:49  api         AWS::CloudFormation::Stack  UPDATE_ROLLBACK_COMPLETE

            """)
        #expect(table.update(with: []) == "")
    }

    @Test func liveTableColorsStatuses() {
        var table = LiveEventTable(knownLogicalIDs: [], knownTypes: [], width: 120, height: 10, color: true)
        let text = table.update(with: [event("1", "T", "AWS::SNS::Topic", "CREATE_FAILED", "no", t: 0)])
        #expect(text == """
            Time      Logical ID  Type                        Status                       Reason
            11:06:40  T           AWS::SNS::Topic             \u{1B}[31mCREATE_FAILED\u{1B}[0m                no

            """)
    }

    @Test func liveTableKeepsTheRegionBelowTheScreenHeight() {
        var table = LiveEventTable(knownLogicalIDs: [], knownTypes: [], width: 120, height: 5, color: false)
        let text = table.update(with: (1...5).map { event("\($0)", "R\($0)", "AWS::SNS::Topic", "CREATE_IN_PROGRESS", t: 0) })
        #expect(text == """
            Time      Logical ID  Type                        Status                       Reason
            11:06:40  R1          AWS::SNS::Topic             CREATE_IN_PROGRESS
            11:06:40  R2          AWS::SNS::Topic             CREATE_IN_PROGRESS
            … and 3 more in progress

            """)
        #expect(table.update(with: []).hasPrefix("\u{1B}[3F\u{1B}[J"))
    }

    @Test func outputsTable() {
        #expect(OutputsTable.render([.init(key: "ApiUrl", value: "https://x"), .init(key: "Id", value: "42", exportName: "api-id")])
            == "  ApiUrl  https://x\n  Id      42  (export: api-id)\n")
    }

    @Test func textTable() {
        #expect(TextTable.render(header: ["Stack", "Status"], rows: [["a", "CREATE_COMPLETE"], ["longer-name", "X"]], indent: 2)
            == "  Stack        Status\n  a            CREATE_COMPLETE\n  longer-name  X\n")
    }
}
