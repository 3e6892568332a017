import { countPromptTokens, countTextTokens } from './token-counter';

describe('countPromptTokens', () => {
  it('counts each message as its text plus a fixed overhead', () => {
    expect(countPromptTokens([{ content: 'Hello there' }])).toBe(4 + countTextTokens('Hello there'));
  });

  it("counts an assistant turn's tool calls (their names and arguments), which the model reads back", () => {
    const call = { function: { name: 'get_weather', arguments: '{"city": "Oslo"}' } };
    expect(countPromptTokens([{ content: '', toolCalls: [call] }])).toBe(
      4 + countTextTokens('get_weather') + countTextTokens('{"city": "Oslo"}'),
    );
  });
});
