"""Which property changes make CloudFormation replace a resource.

Taken from the "Update requires: Replacement" notes of the AWS resource
reference for the types littlestack's stacks use. A type listed here with a
property not in its set updates in place ("Never"); a type not listed at all
is unknown and reported as "Conditionally", the honest answer.
"""

from __future__ import annotations

REPLACEMENT_PROPERTIES: dict[str, frozenset[str]] = {
    "AWS::ApiGateway::Account": frozenset(),
    "AWS::ApiGateway::BasePathMapping": frozenset({"DomainName"}),
    "AWS::ApiGateway::Deployment": frozenset({"RestApiId"}),
    "AWS::ApiGateway::DomainName": frozenset({"DomainName"}),
    "AWS::ApiGateway::Method": frozenset({"HttpMethod", "ResourceId", "RestApiId"}),
    "AWS::ApiGateway::Resource": frozenset({"ParentId", "PathPart", "RestApiId"}),
    "AWS::ApiGateway::RestApi": frozenset(),
    "AWS::ApiGateway::Stage": frozenset({"RestApiId", "StageName"}),
    "AWS::CloudWatch::Alarm": frozenset({"AlarmName"}),
    "AWS::DynamoDB::Table": frozenset({"KeySchema", "TableName"}),
    "AWS::ECR::Repository": frozenset({"RepositoryName", "EncryptionConfiguration"}),
    "AWS::IAM::ManagedPolicy": frozenset({"ManagedPolicyName", "Path"}),
    "AWS::IAM::Policy": frozenset(),
    "AWS::IAM::Role": frozenset({"Path", "RoleName"}),
    "AWS::IAM::User": frozenset(),
    "AWS::Lambda::Alias": frozenset({"FunctionName", "Name"}),
    "AWS::Lambda::Function": frozenset({"FunctionName", "PackageType"}),
    "AWS::Lambda::Permission": frozenset(
        {
            "Action",
            "EventSourceToken",
            "FunctionName",
            "FunctionUrlAuthType",
            "Principal",
            "PrincipalOrgID",
            "SourceAccount",
            "SourceArn",
        }
    ),
    "AWS::Lambda::Version": frozenset({"CodeSha256", "Description", "FunctionName"}),
    "AWS::Logs::LogGroup": frozenset({"LogGroupName"}),
    "AWS::S3::Bucket": frozenset({"BucketName", "ObjectLockEnabled"}),
    "AWS::S3::BucketPolicy": frozenset({"Bucket"}),
    "AWS::SNS::Topic": frozenset({"FifoTopic", "TopicName"}),
    "AWS::SQS::Queue": frozenset({"FifoQueue", "QueueName"}),
}


def requires_recreation(resource_type: str, property_name: str) -> str:
    """CloudFormation's RequiresRecreation for changing one property."""
    replacing = REPLACEMENT_PROPERTIES.get(resource_type)
    if replacing is None:
        return "Conditionally"
    return "Always" if property_name in replacing else "Never"
