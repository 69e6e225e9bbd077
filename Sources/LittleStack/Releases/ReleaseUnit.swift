/// One thing littlestack releases: an API (a REST API with its deployments) and/or a function
/// (a Lambda function with its versions), whose lists and pointers live in one variable group.
public struct ReleaseUnit: Sendable, Equatable {
    /// The unit's name, e.g. `authnapi`: the key under `Littleware.Releases` (or the variable group's name).
    public var name: String
    /// The group under `Littleware.Variables` holding the lists and pointers (default: `name`).
    public var group: String
    /// The API part, or nil.
    public var api: API?
    /// The function part, or nil.
    public var function: Function?

    /// Makes a unit.
    public init(name: String, group: String, api: API?, function: Function?) {
        self.name = name
        self.group = group
        self.api = api
        self.function = function
    }

    /// Where an API's content comes from.
    public enum APISource: Sendable, Equatable {
        /// An OpenAPI file (YAML or JSON), relative to the config's folder.
        case file(String)
        /// The `Body` of the REST API resource in the rendered template.
        case body
    }

    /// What a function's code is.
    public enum CodeSource: Sendable, Equatable {
        /// A local folder, relative to the config's folder, packaged as a deterministic zip and uploaded.
        case folder(String)
        /// An object already in the stack bucket.
        case s3Key(String)
        /// A container image.
        case imageUri(String)
    }

    /// The API part of a unit: deployments list and stage pointers.
    public struct API: Sendable, Equatable {
        /// Where the content hash comes from (nil: inferred, see `ReleaseDeclaration`).
        public var source: APISource?
        /// The `AWS::ApiGateway::RestApi` logical ID (nil: the template's only one).
        public var restApi: String?
        /// The list of `{resourceName, description}` deployments (default `gatewayDeployments`).
        public var listKey: String
        /// The prod stage's pointer (default `prodDeployment`).
        public var prodKey: String
        /// The beta stage's pointer (default `betaDeployment`); follows the newest deployment.
        public var betaKey: String

        /// Makes an API part; defaults are little stack's names.
        public init(source: APISource? = nil, restApi: String? = nil, listKey: String = "gatewayDeployments",
                    prodKey: String = "prodDeployment", betaKey: String = "betaDeployment") {
            self.source = source
            self.restApi = restApi
            self.listKey = listKey
            self.prodKey = prodKey
            self.betaKey = betaKey
        }
    }

    /// The function part of a unit: versions list and the prod alias pointer.
    public struct Function: Sendable, Equatable {
        /// The code (nil: a `code/` folder beside the config when there is one, else the template's `Code` as is).
        public var code: CodeSource?
        /// The `AWS::Lambda::Function` logical ID (nil: the template's only one).
        public var resource: String?
        /// The list of `{resourceName, description}` versions (default `lambdaVersions`).
        public var listKey: String
        /// The prod alias's pointer (default `prodLambdaVersion`).
        public var prodKey: String
        /// An optional beta alias pointer that follows the newest version (the seed's beta uses `$LATEST`).
        public var betaKey: String?
        /// The template parameter that receives the code's S3 key or image URI (nil: the parameter the
        /// function's `Code.S3Key`/`Code.ImageUri` refers to, if any).
        public var keyParameter: String?

        /// Makes a function part; defaults are little stack's names.
        public init(code: CodeSource? = nil, resource: String? = nil, listKey: String = "lambdaVersions",
                    prodKey: String = "prodLambdaVersion", betaKey: String? = nil, keyParameter: String? = nil) {
            self.code = code
            self.resource = resource
            self.listKey = listKey
            self.prodKey = prodKey
            self.betaKey = betaKey
            self.keyParameter = keyParameter
        }
    }
}
