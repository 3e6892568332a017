import type { GatewayTextResult, GatewayTextStream } from '@tiergate/gateway';
import type { TokenUsage, ToolCall, ToolCallDelta } from '@tiergate/provider';
import type { OpenAiResponseDto } from './dto/responses.dto';

/**
 * OpenAI's Responses API answers: the response object, and its stream of typed events (each with
 * a `sequence_number`), built from the chat pipeline's answer. The output items: the assistant's
 * message (one `output_text` part) when it wrote text or called nothing, then a `function_call`
 * item for each call it made. Ids come from the response's key (48 hex digits): `resp_<key>`,
 * `msg_<key>`, `fc_<key>_<n>`.
 */

/** The response object as the caller gets it (and as it is stored). */
export type ResponseObject = ReturnType<typeof responseObject>;

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

function messageItem(key: string, text: string, status: 'in_progress' | 'completed') {
  return {
    type: 'message',
    id: `msg_${key}`,
    status,
    role: 'assistant',
    content: status === 'completed' ? [outputText(text)] : [],
  };
}

const outputText = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });

function functionCallItem(id: string, call: ToolCall, status: 'in_progress' | 'completed') {
  return {
    type: 'function_call',
    id,
    call_id: call.id,
    name: call.function.name,
    arguments: status === 'completed' ? call.function.arguments : '',
    status,
  };
}

/** The response object: what was asked (echoed as OpenAI does), what came back, and its status. */
function responseObject(
  key: string,
  body: OpenAiResponseDto,
  model: string,
  answer: { status: Status; output: object[]; usage: TokenUsage | null },
) {
  return {
    id: `resp_${key}`,
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
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: null },
    /** Whether it is kept (and can be continued); set once it is. */
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

export function responseOf(key: string, body: OpenAiResponseDto, { result, source }: GatewayTextResult) {
  const calls = result.toolCalls ?? [];
  return responseObject(key, body, source.servedModel, {
    status: statusOf(result.finishReason),
    output: [
      ...(result.content !== '' || !calls.length ? [messageItem(key, result.content, 'completed')] : []),
      ...calls.map((call, i) => functionCallItem(`fc_${key}_${i}`, call, 'completed')),
    ],
    usage: result.usage,
  });
}

/**
 * The stream: `response.created` and `response.in_progress`; each output item opened when its
 * first piece arrives (the message with its text part, or a function call), in that order; the
 * pieces as `response.output_text.delta` and `response.function_call_arguments.delta`; then every
 * item closed, and the response (`response.completed`, or `response.incomplete`). Each event is a
 * named SSE event. A model's thinking is not sent on this surface. `finish` gets the finished
 * response before its last event goes out (to store it) and gives back the one to send.
 */
export async function* responseEvents(
  key: string,
  body: OpenAiResponseDto,
  stream: GatewayTextStream,
  finish: (response: ResponseObject) => Promise<ResponseObject>,
): AsyncGenerator<string> {
  const model = stream.source.servedModel;
  let sequence = 0;
  const event = (type: string, fields: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`;
  const inProgress = responseObject(key, body, model, {
    status: 'in_progress',
    output: [],
    usage: null,
  });
  yield event('response.created', { response: inProgress });
  yield event('response.in_progress', { response: inProgress });

  /** The output items in order, each with the events and the item it closes with. */
  const items: Array<() => { events: string; item: object }> = [];
  const message = { open: false, outputIndex: 0, text: '' };
  const textAt = () => ({ item_id: `msg_${key}`, output_index: message.outputIndex, content_index: 0 });
  const openMessage = () => {
    Object.assign(message, { open: true, outputIndex: items.length });
    items.push(() => {
      const item = messageItem(key, message.text, 'completed');
      return {
        item,
        events:
          event('response.output_text.done', { ...textAt(), text: message.text, logprobs: [] }) +
          event('response.content_part.done', { ...textAt(), part: outputText(message.text) }) +
          event('response.output_item.done', { output_index: message.outputIndex, item }),
      };
    });
    return (
      event('response.output_item.added', {
        output_index: message.outputIndex,
        item: messageItem(key, '', 'in_progress'),
      }) + event('response.content_part.added', { ...textAt(), part: outputText('') })
    );
  };
  /** The calls by the model's index for them. */
  const calls = new Map<number, { id: string; outputIndex: number; call: ToolCall }>();
  const openCall = (piece: ToolCallDelta) => {
    const open = {
      id: `fc_${key}_${calls.size}`,
      outputIndex: items.length,
      call: {
        id: piece.id ?? `call_${key}_${calls.size}`,
        type: 'function' as const,
        function: { name: piece.name ?? '', arguments: '' },
      },
    };
    calls.set(piece.index, open);
    items.push(() => {
      const item = functionCallItem(open.id, open.call, 'completed');
      return {
        item,
        events:
          event('response.function_call_arguments.done', {
            item_id: open.id,
            output_index: open.outputIndex,
            arguments: open.call.function.arguments,
          }) + event('response.output_item.done', { output_index: open.outputIndex, item }),
      };
    });
    return [
      open,
      event('response.output_item.added', {
        output_index: open.outputIndex,
        item: functionCallItem(open.id, open.call, 'in_progress'),
      }),
    ] as const;
  };
  for await (const piece of stream.events) {
    if (piece.type === 'delta') {
      if (!piece.content) continue;
      const opening = message.open ? '' : openMessage();
      message.text += piece.content;
      yield (
        opening + event('response.output_text.delta', { ...textAt(), delta: piece.content, logprobs: [] })
      );
    } else if (piece.type === 'tool_call') {
      const known = calls.get(piece.index);
      const [open, opening] = known ? [known, ''] : openCall(piece);
      open.call.function.arguments += piece.arguments;
      const delta = piece.arguments
        ? event('response.function_call_arguments.delta', {
            item_id: open.id,
            output_index: open.outputIndex,
            delta: piece.arguments,
          })
        : '';
      yield opening + delta;
    } else if (piece.type === 'end') {
      if (!items.length) yield openMessage(); // an empty answer is still a message
      const closed = items.map((close) => close());
      yield closed.map((c) => c.events).join('');
      const status = statusOf(piece.finishReason);
      const response = await finish(
        responseObject(key, body, model, { status, output: closed.map((c) => c.item), usage: piece.usage }),
      );
      yield event(status === 'completed' ? 'response.completed' : 'response.incomplete', { response });
    }
  }
}
