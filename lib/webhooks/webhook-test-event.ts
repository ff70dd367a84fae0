// The event a webhook's test send carries; shared by the test endpoint and the worker (which keeps
// no answer text for it), in a file of its own so the worker does not import the endpoint's code.
export const WEBHOOK_TEST_EVENT = "webhook.test";
