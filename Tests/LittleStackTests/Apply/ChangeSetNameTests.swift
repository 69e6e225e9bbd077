import Testing
@testable import LittleStack

@Suite struct ChangeSetNameTests {
    @Test(arguments: [
        // little stack's rule: dots, underscores and spaces become dashes
        ("pete", "dev_box.local", "little-pete-dev-box-local"),
        ("Mary Ann", "host", "little-Mary-Ann-host"),
        // anything else outside [-a-zA-Z0-9] too (CloudFormation would reject it)
        ("jörg", "büro@home", "little-j-rg-b-ro-home"),
        ("a+b", "h:1", "little-a-b-h-1"),
    ])
    func littleStackDefault(user: String, host: String, expected: String) {
        #expect(ChangeSetName.littleStackDefault(user: user, host: host) == expected)
    }

    @Test(arguments: [
        ("release-42", "release-42"),
        // must start with a letter
        ("42-release", "c42-release"),
        ("-x", "c-x"),
        ("_x.y", "c-x-y"),
        // empty input still gives a valid name
        ("", "little"),
    ])
    func sanitize(input: String, expected: String) {
        #expect(ChangeSetName.sanitize(input) == expected)
    }

    @Test func sanitizeCutsTo128Characters() {
        let name = ChangeSetName.sanitize(String(repeating: "a", count: 200))
        #expect(name == String(repeating: "a", count: 128))
    }

    @Test func defaultFromEnvironment() {
        #expect(ChangeSetName.littleStackDefault(environment: ["USER": "ci_bot", "HOSTNAME": "runner.1"],
                                                 hostName: "ignored") == "little-ci-bot-runner-1")
        #expect(ChangeSetName.littleStackDefault(environment: ["LOGNAME": "pete"], hostName: "box") == "little-pete-box")
        #expect(ChangeSetName.littleStackDefault(environment: [:], hostName: "box") == "little-user-box")
    }

    @Test func requestedNameWinsSanitized() {
        let env = ["USER": "pete"]
        #expect(ChangeSetName.resolve(requested: nil, environment: env, hostName: "dev_box") == "little-pete-dev-box")
        #expect(ChangeSetName.resolve(requested: "", environment: env, hostName: "dev_box") == "little-pete-dev-box")
        #expect(ChangeSetName.resolve(requested: "v1.2_beta", environment: env, hostName: "dev_box") == "v1-2-beta")
    }
}
