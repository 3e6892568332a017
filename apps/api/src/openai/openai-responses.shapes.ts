import type { GatewayTextResult, GatewayTextStream } from '@tiergate/gateway';
import type { TokenUsage } from '@tiergate/provider';
import type { OpenAiResponseDto } from './dto/openai-responses.dto';

/**
 * OpenAI's Responses API answers: the response object, and its stream of typed events (each with
 * a `sequence_number`), built from the chat pipeline's answer. One output item: the assistant's
 * message, with one `output_text` part.
 */

type Status = 'in_progress' | 'completed' | 'incomplete';

function responseUsage(usage: TokenUsage) {
  return {
    input_tokens: usage.promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.completionTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.totalTokens,
  };
}

function messageItem(requestId: string, text: string, status: 'in_progress' | 'completed') {
  return {
    type: 'message',
    id: `msg_${requestId}`,
    status,
    role: 'assistant',
    content: status === 'completed' ? [outputText(text)] : [],
  };
}

const outputText = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });

/** The response object: what was asked (echoed as OpenAI does), what came back, and its status. */
function responseObject(
  requestId: string,
  body: OpenAiResponseDto,
  model: string,
  answer: { status: Status; output: object[]; usage: TokenUsage | null },
) {
  return {
    id: `resp_${requestId}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: answer.status,
    background: false,
    error: null,
    incomplete_details: answer.status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output: answer.output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: null },
    store: false,
    temperature: body.temperature ?? 1,
    text: { format: body.text?.format ?? { type: 'text' }, verbosity: body.text?.verbosity ?? 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: answer.usage && responseUsage(answer.usage),
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

/** An answer cut short by max_output_tokens is `incomplete`, as OpenAI reports it. */
const statusOf = (finishReason: string): Status => (finishReason === 'length' ? 'incomplete' : 'completed');

export function responseOf(
  requestId: string,
  body: OpenAiResponseDto,
  { result, source }: GatewayTextResult,
) {
  return responseObject(requestId, body, source.servedModel, {
    status: statusOf(result.finishReason),
    output: [messageItem(requestId, result.content, 'completed')],
    usage: result.usage,
  });
}

/**
 * The stream: `response.created` and `response.in_progress`; the message item and its text part
 * opened with the first text; `response.output_text.delta` per piece; then the part, the item and
 * the response closed (`response.completed`, or `response.incomplete`), each event a named SSE
 * event. A model's thinking is not sent on this surface.
 */
export async function* responseEvents(
  requestId: string,
  body: OpenAiResponseDto,
  stream: GatewayTextStream,
): AsyncGenerator<string> {
  const model = stream.source.servedModel;
  let sequence = 0;
  const event = (type: string, fields: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`;
  const itemId = `msg_${requestId}`;
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const inProgress = responseObject(requestId, body, model, {
    status: 'in_progress',
    output: [],
    usage: null,
  });
  yield event('response.created', { response: inProgress });
  yield event('response.in_progress', { response: inProgress });
  let text = '';
  let opened = false;
  const open = () => {
    opened = true;
    return (
      event('response.output_item.added', {
        output_index: 0,
        item: messageItem(requestId, '', 'in_progress'),
      }) + event('response.content_part.added', { ...at, part: outputText('') })
    );
  };
  for await (const piece of stream.events) {
    if (piece.type === 'delta') {
      if (!piece.content) continue;
      if (!opened) yield open();
      text += piece.content;
      yield event('response.output_text.delta', { ...at, delta: piece.content, logprobs: [] });
    } else if (piece.type === 'end') {
      if (!opened) yield open();
      const item = messageItem(requestId, text, 'completed');
      yield event('response.output_text.done', { ...at, text, logprobs: [] });
      yield event('response.content_part.done', { ...at, part: outputText(text) });
      yield event('response.output_item.done', { output_index: 0, item });
      const status = statusOf(piece.finishReason);
      const response = responseObject(requestId, body, model, { status, output: [item], usage: piece.usage });
      yield event(status === 'completed' ? 'response.completed' : 'response.incomplete', { response });
    }
  }
}
