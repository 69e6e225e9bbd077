import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct ReleaseTrackTests {
    static let hashA = "aaaaaaaa" + String(repeating: "0", count: 56)
    static let hashB = "bbbbbbbb" + String(repeating: "1", count: 56)
    static let hashC = "cccccccc" + String(repeating: "2", count: 56)

    func group(_ json: String) throws -> Node {
        try JSONReader.parse(Array(json.utf8), path: "group.json")
    }

    func deployments(_ json: String) throws -> ReleaseTrack {
        try ReleaseTrack.read(kind: .deployments, unit: "hello", group: "hello", node: group(json),
                              listKey: "gatewayDeployments", prodKey: "prodDeployment", betaKey: "betaDeployment")
    }

    func versions(_ json: String) throws -> ReleaseTrack {
        try ReleaseTrack.read(kind: .versions, unit: "hello", group: "hello", node: group(json),
                              listKey: "lambdaVersions", prodKey: "prodLambdaVersion", betaKey: nil)
    }

    @Test func firstReleaseOfAnEmptyGroupSetsEveryPointer() throws {
        var track = try deployments("{}")
        var taken = Set<String>()
        let outcome = track.record(hash: Self.hashA, day: "20261124", description: "first", taken: &taken)
        let entry = ReleaseEntry(resourceName: "deploy20261124raaaaaaaa", description: "first", contentHash: Self.hashA)
        #expect(outcome == .appended(entry))
        #expect(track.entries == [entry])
        #expect(track.prod == "deploy20261124raaaaaaaa")
        #expect(track.beta == "deploy20261124raaaaaaaa")
        #expect(taken == ["deploy20261124raaaaaaaa"])
    }

    @Test func emptyListsAndPointersAreAFirstRelease() throws {
        var track = try versions(#"{"lambdaVersions": [], "prodLambdaVersion": ""}"#)
        var taken = Set<String>()
        _ = track.record(hash: Self.hashA, day: "20261124", description: "first", taken: &taken)
        #expect(track.entries.map(\.resourceName) == ["version20261124raaaaaaaa"])
        #expect(track.prod == "version20261124raaaaaaaa")
    }

    @Test func anEntryWithoutHashIsAdoptedNotDuplicated() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "lambda20201216r0", "description": "little-authn 1.0.5"}],
             "prodLambdaVersion": "lambda20201216r0"}
            """)
        var taken = Set<String>()
        #expect(track.record(hash: Self.hashA, day: "20261124", description: "x", taken: &taken) == .adopted("lambda20201216r0"))
        #expect(track.entries == [ReleaseEntry(resourceName: "lambda20201216r0", description: "little-authn 1.0.5",
                                               contentHash: Self.hashA)])
        // The same content again: nothing to do.
        #expect(track.record(hash: Self.hashA, day: "20261125", description: "x", taken: &taken) == .unchanged)
        #expect(track.entries.count == 1)
    }

    @Test func aChangeAppendsMovesBetaAndLeavesProd() throws {
        var track = try deployments("""
            {"gatewayDeployments": [{"resourceName": "deploy20240102r0", "description": "initial", "contentHash": "\(Self.hashA)"}],
             "prodDeployment": "deploy20240102r0", "betaDeployment": "deploy20240102r0"}
            """)
        var taken: Set<String> = ["deploy20240102r0"]
        let outcome = track.record(hash: Self.hashB, day: "20261124", description: "new", taken: &taken)
        #expect(outcome == .appended(ReleaseEntry(resourceName: "deploy20261124rbbbbbbbb", description: "new",
                                                  contentHash: Self.hashB)))
        #expect(track.prod == "deploy20240102r0")
        #expect(track.beta == "deploy20261124rbbbbbbbb")
    }

    @Test func versionsHaveNoBetaPointerAndKeepTheListPrefix() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "helloVer20240102r0", "description": "v1", "contentHash": "\(Self.hashA)"}],
             "prodLambdaVersion": "helloVer20240102r0"}
            """)
        var taken = Set<String>()
        _ = track.record(hash: Self.hashB, day: "20261124", description: "v2", taken: &taken)
        #expect(track.entries.map(\.resourceName) == ["helloVer20240102r0", "helloVer20261124rbbbbbbbb"])
        #expect(track.prod == "helloVer20240102r0")
        #expect(track.beta == nil)
        #expect(track.edits.map(\.key) == ["lambdaVersions", "prodLambdaVersion", "prodLambdaVersionHistory"])
    }

    @Test func revertingToEarlierContentTheSameDayGetsAUniqueID() throws {
        var track = try deployments("{}")
        var taken = Set<String>()
        _ = track.record(hash: Self.hashA, day: "20261124", description: "a", taken: &taken)
        _ = track.record(hash: Self.hashB, day: "20261124", description: "b", taken: &taken)
        _ = track.record(hash: Self.hashA, day: "20261124", description: "a again", taken: &taken)
        #expect(track.entries.map(\.resourceName)
            == ["deploy20261124raaaaaaaa", "deploy20261124rbbbbbbbb", "deploy20261124raaaaaaaan2"])
    }

    @Test func aChangedNeverDeployedNewestEntryIsReplaced() throws {
        var track = try deployments("""
            {"gatewayDeployments": [{"resourceName": "d1", "contentHash": "\(Self.hashA)"},
                                    {"resourceName": "d2", "contentHash": "\(Self.hashB)"}],
             "prodDeployment": "d1", "betaDeployment": "d2"}
            """)
        // New IDs copy the list's prefix ("d").
        var taken: Set<String> = ["d1", "d2"]
        let outcome = track.record(hash: Self.hashC, day: "20261124", description: "c", taken: &taken, deployed: ["d1"])
        #expect(outcome == .replaced("d2", ReleaseEntry(resourceName: "d20261124rcccccccc", description: "c",
                                                        contentHash: Self.hashC)))
        #expect(track.entries.map(\.resourceName) == ["d1", "d20261124rcccccccc"])
        #expect(track.beta == "d20261124rcccccccc")
        #expect(track.prod == "d1")
        // Offline (deployed unknown) the same change appends.
        var offline = try deployments("""
            {"gatewayDeployments": [{"resourceName": "d1", "contentHash": "\(Self.hashA)"}], "prodDeployment": "d1"}
            """)
        #expect(offline.record(hash: Self.hashC, day: "20261124", description: "c", taken: &taken)
            == .appended(ReleaseEntry(resourceName: "d20261124rccccccccn2", description: "c", contentHash: Self.hashC)))
    }

    @Test func neverDeployedVersionsCollapseIntoTheNewest() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}, {"resourceName": "v3"}],
             "prodLambdaVersion": "v2"}
            """)
        // A stack created from three hand-written versions could publish only one.
        #expect(track.collapseUndeployed(deployed: []).map(\.resourceName) == ["v1", "v2"])
        #expect(track.entries.map(\.resourceName) == ["v3"])
        #expect(track.prod == "v3")
        // Deployed ones stay.
        var live = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}, {"resourceName": "v3"}],
             "prodLambdaVersion": "v1"}
            """)
        #expect(live.collapseUndeployed(deployed: ["v1"]).map(\.resourceName) == ["v2"])
        #expect(live.entries.map(\.resourceName) == ["v1", "v3"])
        #expect(live.prod == "v1")
        var api = try deployments(#"{"gatewayDeployments": [{"resourceName": "d1"}, {"resourceName": "d2"}]}"#)
        #expect(api.collapseUndeployed(deployed: []) == [])
    }

    @Test func promoteMovesProdToBetaAndRefusesWhenThere() throws {
        var track = try deployments("""
            {"gatewayDeployments": [{"resourceName": "d1"}, {"resourceName": "d2"}, {"resourceName": "d3"}],
             "prodDeployment": "d1", "betaDeployment": "d2"}
            """)
        #expect(track.promote() == PointerMove(unit: "hello", part: "api", pointer: "prodDeployment", from: "d1", to: "d2"))
        #expect(track.prod == "d2")
        #expect(track.promote() == nil)
    }

    @Test func promoteMovesProdVersionToTheNewest() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}], "prodLambdaVersion": "v1"}
            """)
        #expect(track.promote() == PointerMove(unit: "hello", part: "function", pointer: "prodLambdaVersion",
                                               from: "v1", to: "v2"))
        #expect(track.promote() == nil)
    }

    @Test func rollbackReturnsToThePreviousProdNotThePreviousEntry() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}, {"resourceName": "v3"}],
             "prodLambdaVersion": "v1"}
            """)
        // v2 was never prod: promote goes v1 → v3, rollback v3 → v1.
        _ = track.promote()
        #expect(track.history == ["v1"])
        #expect(track.edits.last.map { CanonicalJSON.text(of: $0.value) } == #"["v1"]"#)
        #expect(track.rollback() == PointerMove(unit: "hello", part: "function", pointer: "prodLambdaVersion",
                                                from: "v3", to: "v1"))
        #expect(track.history == [])
        // With no history left, rollback falls back to the list order; v1 is the oldest.
        #expect(track.rollback() == nil)

        // History read back from the group; names no longer in the list are forgotten.
        let read = try versions("""
            {"lambdaVersions": [{"resourceName": "v2"}, {"resourceName": "v3"}], "prodLambdaVersion": "v3",
             "prodLambdaVersionHistory": ["v1", "v2"]}
            """)
        #expect(read.history == ["v2"])
        #expect(read.rollbackTarget == "v2")
    }

    @Test func pruneForgetsRemovedHistory() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}, {"resourceName": "v3"}],
             "prodLambdaVersion": "v3", "prodLambdaVersionHistory": ["v1", "v2"]}
            """)
        #expect(track.prune(keep: 2).map(\.resourceName) == ["v1"])
        #expect(track.history == ["v2"])
    }

    @Test func rollbackWalksBackAndStopsAtTheOldest() throws {
        var track = try versions("""
            {"lambdaVersions": [{"resourceName": "v1"}, {"resourceName": "v2"}], "prodLambdaVersion": "v2"}
            """)
        #expect(track.rollback() == PointerMove(unit: "hello", part: "function", pointer: "prodLambdaVersion",
                                                from: "v2", to: "v1"))
        #expect(track.rollback() == nil)
        #expect(track.prod == "v1")
    }

    @Test func pruneKeepsPointersAndTheNewest() throws {
        var track = try deployments("""
            {"gatewayDeployments": [{"resourceName": "d1"}, {"resourceName": "d2"}, {"resourceName": "d3"},
                                    {"resourceName": "d4"}, {"resourceName": "d5"}, {"resourceName": "d6"}],
             "prodDeployment": "d2", "betaDeployment": "d5"}
            """)
        let removed = track.prune(keep: 3)
        #expect(removed.map(\.resourceName) == ["d1", "d3", "d4"])
        #expect(track.entries.map(\.resourceName) == ["d2", "d5", "d6"])
        // Fewer than the pointers need: the pointed-at and the newest stay.
        #expect(track.prune(keep: 1).map(\.resourceName) == [])
        #expect(track.entries.map(\.resourceName) == ["d2", "d5", "d6"])
        #expect(Retention.defaultKeep == 5)
    }

    @Test func readingReportsBadListsAtTheirPlace() throws {
        let cases: [(String, String)] = [
            (#"{"gatewayDeployments": {"a": 1}}"#,
             "group.json:1:24: error: 'gatewayDeployments' must be a list of {resourceName, description} entries"),
            (#"{"gatewayDeployments": [{"description": "x"}]}"#,
             "group.json:1:25: error: an entry of 'gatewayDeployments' has no 'resourceName'"),
            (#"{"gatewayDeployments": [{"resourceName": "bad-id"}]}"#,
             "group.json:1:42: error: 'resourceName' must be an alphanumeric logical ID"),
            (#"{"gatewayDeployments": [{"resourceName": "d1"}, {"resourceName": "d1"}]}"#,
             "group.json:1:49: error: 'd1' appears twice in 'gatewayDeployments'"),
            (#"{"gatewayDeployments": [{"resourceName": "d1"}], "prodDeployment": "d9"}"#,
             "group.json:1:68: error: 'prodDeployment' names 'd9', which is not in 'gatewayDeployments'"),
        ]
        for (json, expected) in cases {
            let error = #expect(throws: ReleaseError.self) { _ = try deployments(json) }
            #expect(error?.located(in: "group.json", source: json).description == expected + "\n" + json + "\n"
                    + String(repeating: " ", count: Int(expected.split(separator: ":")[2])! - 1) + "^")
        }
    }

    @Test func beforeAfterTable() {
        let table = PointerMove.table([
            PointerMove(unit: "hello", part: "api", pointer: "prodDeployment", from: "deploy20240102r0",
                        to: "deploy20240215r0"),
            PointerMove(unit: "hello", part: "function", pointer: "prodLambdaVersion", from: nil, to: "v1"),
        ])
        #expect(table == """
            UNIT   PART      POINTER            BEFORE               AFTER
            hello  api       prodDeployment     deploy20240102r0  →  deploy20240215r0
            hello  function  prodLambdaVersion  -                 →  v1

            """)
    }
}
