import ArgumentParser
import Testing
@testable import LittleStackCLI

/// `render-template`'s plain arguments, read without ArgumentParser, must make the request ArgumentParser makes,
/// and anything else must be left to it.
@Suite struct PlainArgumentsTests {
    /// What ArgumentParser makes of the same command line.
    private func parsed(_ arguments: [String]) throws -> RenderTemplate.Request {
        let command = try #require(try LittleStackCommand.parseAsRoot(arguments) as? RenderTemplate)
        return RenderTemplate.Request(template: command.template, vars: command.vars, searchPaths: command.searchPaths,
                                      strict: command.strict)
    }

    @Test(arguments: [
        ["render-template", "t.njk"],
        ["render-template", "t.njk", "--vars", "v.json"],
        ["render-template", "--vars", "v.json", "t.njk"],
        ["render-template", "t.njk", "--strict"],
        ["render-template", "--strict", "t.njk", "--search-path", "a", "--vars", "v.json", "--search-path", "b"],
        ["render-template", "dir with space/t.njk", "--search-path", "../lib"],
    ])
    func plainFormGivesArgumentParsersRequest(_ arguments: [String]) throws {
        let plain = try #require(RenderTemplate.plainRequest(arguments))
        #expect(plain == (try parsed(arguments)))
    }

    @Test func plainRequestFields() {
        #expect(RenderTemplate.plainRequest(["render-template", "--strict", "t.njk", "--search-path", "a", "--vars", "v.json", "--search-path", "b"])
                == RenderTemplate.Request(template: "t.njk", vars: "v.json", searchPaths: ["a", "b"], strict: true))
    }

    @Test(arguments: [
        [],
        ["render", "config.json"],
        ["render-template"],
        ["render-template", "a.njk", "b.njk"],
        ["render-template", "t.njk", "--vars=v.json"],
        ["render-template", "t.njk", "--vars"],
        ["render-template", "t.njk", "--vars", "a.json", "--vars", "b.json"],
        ["render-template", "t.njk", "--vars", "--strict"],
        ["render-template", "t.njk", "--strict", "--strict"],
        ["render-template", "t.njk", "--search-path"],
        ["render-template", "--", "t.njk"],
        ["render-template", "-h"],
        ["render-template", "t.njk", "--help"],
        ["render-template", "t.njk", "--repeat", "5"],
        ["render-template", "t.njk", "--verbose"],
        ["render-template", "-t.njk"],
    ])
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(RenderTemplate.plainRequest(arguments) == nil)
    }
}
