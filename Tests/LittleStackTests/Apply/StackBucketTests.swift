import Foundation
import Testing
@testable import LittleStack

@Suite struct StackBucketTests {
    @Test func defaultName() {
        #expect(StackBucket.defaultName(account: "123456789012", region: "us-east-1")
            == "cloudformation-123456789012-us-east-1")
    }

    @Test(arguments: [
        ("little-api", "lib/cloudformation/cloud/api/root.json.njk", "cf/little-api/root.json"),
        ("little-api", "root.yaml", "cf/little-api/root.yaml"),
        ("s", "./stacks/hello/template.yaml.njk", "cf/s/template.yaml"),
        // only a trailing .njk goes
        ("s", "a.njk.json", "cf/s/a.njk.json"),
    ])
    func templateKey(stack: String, path: String, expected: String) {
        #expect(StackBucket.templateKey(stackName: stack, templatePath: path) == expected)
    }

    @Test(arguments: [
        // real AWS: virtual-hosted style with the region
        (nil, "https://cloudformation-1-eu-west-1.s3.eu-west-1.amazonaws.com/cf/s/root.json"),
        // the emulator: path style, 127.0.0.1 spelled localhost (moto reads an IP's first label as a bucket)
        ("http://127.0.0.1:5123", "http://localhost:5123/cloudformation-1-eu-west-1/cf/s/root.json"),
        ("http://127.0.0.1:5123/", "http://localhost:5123/cloudformation-1-eu-west-1/cf/s/root.json"),
        ("http://localhost:4566", "http://localhost:4566/cloudformation-1-eu-west-1/cf/s/root.json"),
        ("https://s3.internal.example:8443/base", "https://s3.internal.example:8443/base/cloudformation-1-eu-west-1/cf/s/root.json"),
    ] as [(String?, String)])
    func templateURL(endpoint: String?, expected: String) {
        let url = StackBucket.templateURL(bucket: "cloudformation-1-eu-west-1", key: "cf/s/root.json",
                                          region: "eu-west-1", endpoint: endpoint.flatMap(URL.init(string:)))
        #expect(url == expected)
    }

    @Test func templateURLEncodesKeySegments() {
        let url = StackBucket.templateURL(bucket: "b", key: "cf/s/a b+c.json", region: "us-east-1", endpoint: nil)
        #expect(url == "https://b.s3.us-east-1.amazonaws.com/cf/s/a%20b%2Bc.json")
    }
}
