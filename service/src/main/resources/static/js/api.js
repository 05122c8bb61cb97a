// The explorer's only way to the data: POST to the service's GraphQL endpoint.
// Every failure (network, HTTP status, GraphQL errors) becomes an ApiError with a readable message.

const ENDPOINT = new URL('graphql', document.baseURI).toString();

export class ApiError extends Error {
  constructor(message, details = []) {
    super(message);
    this.name = 'ApiError';
    this.details = details;
  }
}

/** Runs a GraphQL document; `token` (an API token) is sent as a bearer token, for mutations. */
export async function gql(query, variables = {}, token = null) {
  let response;
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError(`The service did not answer (${e.message}). Is it running?`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`The service answered HTTP ${response.status} without a GraphQL response.`);
  }
  if (body.errors && body.errors.length) {
    const details = body.errors.map((err) => {
      const kind = err.extensions && err.extensions.classification;
      return kind ? `${err.message} [${kind}]` : err.message;
    });
    throw new ApiError(details.join('\n'), body.errors);
  }
  if (!response.ok) {
    throw new ApiError(`The service answered HTTP ${response.status}.`);
  }
  return body.data;
}
