import Foundation
import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct ContentHashTests {
    @Test func sha256MatchesPublishedVectors() {
        #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func canonicalTextSortsKeysAndTypesScalars() throws {
        let node = try YAMLReader.parse(Array("""
            b: [1, -2.5e3, true, ~, "x\\ty"]
            a: {z: null, "y": '1', x: 0x1F}
            """.utf8), path: "t.yaml")
        #expect(CanonicalJSON.text(of: node)
            == #"{"a":{"x":"0x1F","y":"1","z":null},"b":[1,-2.5e3,true,null,"x\ty"]}"#)
    }

    @Test func tagsAreKept() throws {
        let node = try YAMLReader.parse(Array("a: !Ref Name\nb: !GetAtt [x, Arn]\n".utf8), path: "t.yaml")
        #expect(CanonicalJSON.text(of: node) == #"{"a":{"!Ref":"Name"},"b":{"!GetAtt":["x","Arn"]}}"#)
    }

    @Test func hashIgnoresKeyOrderFormattingAndSyntax() throws {
        let yaml = try YAMLReader.parse(Array("""
            openapi: 3.0.1
            info: {title: hello, version: 1.0.0}
            paths:
              /hello:
                get:
                  responses: {"200": {description: ok}}
            """.utf8), path: "openapi.yaml")
        let json = try JSONReader.parse(Array("""
            {"paths": {"/hello": {"get": {"responses": {"200": {"description": "ok"}}}}},
             "info": {"version": "1.0.0", "title": "hello"}, "openapi": "3.0.1"}
            """.utf8), path: "openapi.json")
        #expect(ContentHash.sha256(yaml) == ContentHash.sha256(json))
        // Pinned (computed independently with Python's hashlib over the canonical text), so the hash is
        // the same on every run and machine.
        #expect(CanonicalJSON.text(of: json)
            == #"{"info":{"title":"hello","version":"1.0.0"},"openapi":"3.0.1","paths":{"/hello":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#)
        #expect(ContentHash.sha256(json) == "c5c25a6484971e69d80210cde8599e8acf55e8b773fa2b99ce6eeda841c30a2b")
    }

    @Test func hashChangesWithContent() throws {
        let a = try JSONReader.parse(Array(#"{"a": [1, 2]}"#.utf8), path: "a.json")
        let b = try JSONReader.parse(Array(#"{"a": [2, 1]}"#.utf8), path: "b.json")
        let c = try JSONReader.parse(Array(#"{"a": ["1", 2]}"#.utf8), path: "c.json")
        #expect(ContentHash.sha256(a) != ContentHash.sha256(b))
        #expect(ContentHash.sha256(a) != ContentHash.sha256(c))
    }
}

@Suite struct LogicalIDTests {
    @Test(arguments: [
        ("deploy20240102r0", true),
        ("A", true),
        ("", false),
        ("deploy-1", false),
        ("déploy", false),
        (String(repeating: "a", count: 255), true),
        (String(repeating: "a", count: 256), false),
    ])
    func validity(name: String, valid: Bool) {
        #expect(LogicalID.isValid(name) == valid)
    }

    @Test func prefixCopiesTheLeadingLetters() {
        #expect(LogicalID.prefix(of: "helloVer20240102r0") == "helloVer")
        #expect(LogicalID.prefix(of: "lambda20201216r0") == "lambda")
        #expect(LogicalID.prefix(of: "2020") == "")
    }

    @Test func idsAreContentDerivedValidAndUnique() {
        let hash = "0123abcd" + String(repeating: "f", count: 56)
        var taken: Set<String> = ["deploy20261124r0"]
        let first = LogicalID.make(prefix: "deploy", day: "20261124", hash: hash, taken: taken)
        #expect(first == "deploy20261124r0123abcd")
        taken.insert(first)
        let second = LogicalID.make(prefix: "deploy", day: "20261124", hash: hash, taken: taken)
        #expect(second == "deploy20261124r0123abcdn2")
        taken.insert(second)
        #expect(LogicalID.make(prefix: "deploy", day: "20261124", hash: hash, taken: taken) == "deploy20261124r0123abcdn3")
        for id in taken { #expect(LogicalID.isValid(id)) }
    }
}
