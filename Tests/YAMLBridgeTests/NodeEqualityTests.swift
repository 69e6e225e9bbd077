import Testing
@testable import YAMLBridge

@Suite struct NodeEqualityTests {
    @Test func marksAreIgnored() throws {
        #expect(try yaml("a: 1") == yaml("\n\n   a:    1\n"))
    }

    @Test func styleCountsOnlyThroughTheValue() throws {
        #expect(try yaml("a: abc") == yaml("a: 'abc'"))
        #expect(try yaml("a: abc") == yaml("a: \"abc\""))
        #expect(try yaml("a: |-\n  abc\n") == yaml("a: abc"))
        #expect(try yaml("a: true") != yaml("a: 'true'"))
        #expect(try yaml("a: 1") != yaml("a: '1'"))
        #expect(try yaml("a: ~") == yaml("a: null"))
        #expect(try yaml("a: yes") == yaml("a: true"))
        // Numbers compare by value and text: 1.0 and 1.00 are written differently in JSON.
        #expect(try yaml("a: 1.0") != yaml("a: 1.00"))
    }

    @Test func mappingsAreUnordered() throws {
        #expect(try yaml("a: 1\nb: 2\n") == yaml("b: 2\na: 1\n"))
        #expect(try yaml("a: 1\nb: 2\n") != yaml("a: 1\nb: 3\n"))
        #expect(try yaml("a: 1\n") != yaml("a: 1\nb: 2\n"))
        #expect(try yaml("[1, 2]") != yaml("[2, 1]"))
    }

    @Test func tagsCount() throws {
        #expect(try yaml("!Ref a") != yaml("a"))
        #expect(try yaml("!Ref a") == yaml("!Ref 'a'"))
    }

    @Test func hashesAgreeWithEquality() throws {
        let a = try yaml("x: 1\ny: [a, 'b']\n")
        let b = try yaml("y: ['a', b]\nx: 1\n")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test func jsonAndYAMLTreesCompare() throws {
        let json = try JSONReader.parse(Array(#"{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}"#.utf8), path: "t.json")
        #expect(json == (try yaml("Resources:\n  B:\n    Type: AWS::S3::Bucket\n")))
    }
}
