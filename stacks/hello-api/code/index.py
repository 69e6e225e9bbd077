"""hello-api: answers every request with a JSON greeting.

API Gateway calls this function through a Lambda proxy integration: the beta
stage calls the function itself ($LATEST), the prod stage its gateway_prod
alias, so the reply says which stage and which function version answered.
"""

import json
import os


def handler(event, context):
    """Returns 200 and a JSON greeting for the caller named by ?name=."""
    query = event.get("queryStringParameters") or {}
    request = event.get("requestContext") or {}
    body = {
        "message": "%s, %s" % (os.environ.get("GREETING", "hello"), query.get("name") or "world"),
        "stage": request.get("stage", "unknown"),
        "functionVersion": getattr(context, "function_version", "$LATEST"),
    }
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body),
    }
