import type { Locator, Page } from 'playwright-core';

export type IndicatorKind = 'provider' | 'free_tier' | 'fallback' | 'cached' | 'own_key';

/** /app/playground: the Chat, Image and Speech tabs, the conversation and each answer's indicators. */
export class PlaygroundPage {
  readonly message: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly conversation: Locator;
  readonly answers: Locator;
  readonly model: Locator;
  readonly purpose: Locator;

  constructor(readonly page: Page) {
    this.message = page.getByRole('textbox', { name: 'Message' });
    this.send = page.getByRole('button', { name: 'Send' });
    this.stop = page.getByRole('button', { name: 'Stop' });
    this.conversation = page.getByRole('log', { name: 'Conversation' });
    this.answers = this.conversation.getByRole('article', { name: "Assistant's answer" });
    this.model = page.getByRole('combobox', { name: 'Model' });
    this.purpose = page.getByRole('combobox', { name: 'Purpose' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/playground');
    await this.page.getByRole('heading', { name: 'Playground', exact: true }).waitFor();
  }

  async tab(name: 'Chat' | 'Image' | 'Speech'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Types a message and presses Enter; resolves with the new answer once it stopped streaming. */
  async chat(text: string): Promise<Locator> {
    const before = await this.answers.count();
    await this.message.fill(text);
    await this.message.press('Enter');
    const answer = this.answers.nth(before);
    await answer.waitFor();
    await this.answerSettled(answer);
    return answer;
  }

  /** Waits until the answer is done, stopped or failed. */
  async answerSettled(answer: Locator, timeout = 20_000): Promise<string> {
    await answer.and(this.page.locator('[data-status]:not([data-status="streaming"])')).waitFor({ timeout });
    return (await answer.getAttribute('data-status')) ?? '';
  }

  answerText(answer: Locator): Promise<string> {
    return answer.getByTestId('answer-text').innerText();
  }

  /** The indicator badges under an answer, as their kinds, in order. */
  async indicators(answer: Locator): Promise<IndicatorKind[]> {
    const badges = answer.locator('[data-indicator]');
    const kinds: IndicatorKind[] = [];
    for (let index = 0; index < (await badges.count()); index++)
      kinds.push((await badges.nth(index).getAttribute('data-indicator')) as IndicatorKind);
    return kinds;
  }

  /** The label and the explanation of one indicator badge (its text, as a screen reader reads it). */
  async indicator(answer: Locator, kind: IndicatorKind): Promise<string> {
    return ((await answer.locator(`[data-indicator="${kind}"]`).textContent()) ?? '').trim();
  }

  /** The source line under an answer (badges, model, tokens, cost); absent when the flag is off. */
  source(answer: Locator): Locator {
    return answer.getByRole('group', { name: 'Where this answer came from' });
  }

  /** The refusal or failure shown inside the answer. */
  error(answer: Locator): Locator {
    return answer.getByRole('alert');
  }

  // ---- Image and speech

  async generateImage(prompt: string, size = '512 × 512'): Promise<void> {
    await this.tab('Image');
    await this.page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
    await this.page.getByRole('combobox', { name: 'Size' }).click();
    await this.page.getByRole('option', { name: size }).click();
    const answer = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/together/images/generations'));
    await this.page.getByRole('button', { name: 'Generate image' }).click();
    await answer;
  }

  async generateSpeech(text: string): Promise<void> {
    await this.tab('Speech');
    await this.page.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
    const answer = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/together/audio/speech'));
    await this.page.getByRole('button', { name: 'Generate speech' }).click();
    await answer;
  }

  /** The active tab's panel. */
  panel(): Locator {
    return this.page.getByRole('tabpanel');
  }
}
