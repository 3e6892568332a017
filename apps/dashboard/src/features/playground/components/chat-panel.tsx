import {
  Box,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPlayerStopFilled, IconSend, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { streamChat } from '../chat-stream';
import { useRefreshAfterAnswer } from '../queries';
import type { ChatRequest } from '../schema';
import { startTurn, type AssistantTurn } from '../stream';
import { AnswerError } from './answer-error';
import { ChatSettingsForm, DEFAULT_CHAT_SETTINGS, type ChatSettings } from './chat-settings';
import { AnswerSource } from './source-badges';

type ChatEntry =
  { id: string; role: 'user'; content: string } | { id: string; role: 'assistant'; turn: AssistantTurn };

let nextId = 0;
const newId = () => `m${++nextId}`;

/** The conversation so far, as the API takes it (failed answers are left out). */
function historyOf(entries: ChatEntry[]): ChatRequest['messages'] {
  return entries.flatMap((entry): ChatRequest['messages'] => {
    if (entry.role === 'user') return [{ role: 'user', content: entry.content }];
    const { turn } = entry;
    return turn.content && turn.status !== 'error' ? [{ role: 'assistant', content: turn.content }] : [];
  });
}

function AssistantMessage({ turn }: { turn: AssistantTurn }) {
  const waiting = turn.status === 'streaming' && !turn.content;
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      radius="md"
      maw="90%"
      aria-label="Assistant's answer"
      aria-busy={turn.status === 'streaming'}
      data-testid="assistant-message"
      data-status={turn.status}
    >
      <Stack gap="xs">
        <Text size="xs" fw={700} c="dimmed">
          Assistant
        </Text>
        {waiting ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Waiting for the answer…
            </Text>
          </Group>
        ) : (
          turn.content && (
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="answer-text"
            >
              {turn.content}
            </Text>
          )
        )}
        {turn.status === 'stopped' && (
          <Text size="xs" c="dimmed" fs="italic">
            Stopped before the end.
          </Text>
        )}
        {turn.error && <AnswerError failure={turn.error} />}
        {turn.status !== 'streaming' && <AnswerSource indicator={turn.indicator} usage={turn.usage} />}
      </Stack>
    </Paper>
  );
}

function UserMessage({ content }: { content: string }) {
  return (
    <Paper
      component="article"
      p="sm"
      radius="md"
      maw="90%"
      ml="auto"
      bg="var(--mantine-color-blue-light)"
      aria-label="Your message"
      data-testid="user-message"
    >
      <Text size="xs" fw={700} c="dimmed">
        You
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {content}
      </Text>
    </Paper>
  );
}

/**
 * Chat with streaming: Enter sends, Shift+Enter adds a line, Stop ends the answer where it is.
 * Each answer shows where it came from; a refusal (quota, 403) is said in the conversation.
 */
export function ChatPanel() {
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [draft, setDraft] = useState('');
  const [settings, setSettings] = useState<ChatSettings>(DEFAULT_CHAT_SETTINGS);
  const [streaming, setStreaming] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const refresh = useRefreshAfterAnswer();

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [entries]);

  async function send() {
    const content = draft.trim();
    if (!content || streaming) return;
    const answerId = newId();
    const messages = [...historyOf(entries), { role: 'user' as const, content }];
    setEntries((current) => [
      ...current,
      { id: newId(), role: 'user', content },
      { id: answerId, role: 'assistant', turn: startTurn() },
    ]);
    setDraft('');
    const controller = new AbortController();
    abort.current = controller;
    setStreaming(true);
    await streamChat(
      {
        messages,
        max_tokens: settings.maxTokens,
        temperature: settings.temperature,
        ...(settings.model && { model: settings.model }),
        ...(settings.purpose && { purpose: settings.purpose }),
        ...(settings.json && { response_format: { type: 'json_object' as const } }),
      },
      {
        signal: controller.signal,
        onUpdate: (turn) =>
          setEntries((current) =>
            current.map((entry) => (entry.id === answerId ? { ...entry, role: 'assistant', turn } : entry)),
          ),
      },
    );
    abort.current = null;
    setStreaming(false);
    refresh();
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder padding="sm">
          <ScrollArea h={{ base: 360, md: 480 }} viewportRef={viewport} type="auto" offsetScrollbars>
            <Stack gap="sm" role="log" aria-label="Conversation" aria-live="polite" p={4}>
              {entries.length === 0 && (
                <Text c="dimmed" size="sm" ta="center" py="xl">
                  Ask anything. Enter sends, Shift+Enter adds a new line.
                </Text>
              )}
              {entries.map((entry) =>
                entry.role === 'user' ? (
                  <UserMessage key={entry.id} content={entry.content} />
                ) : (
                  <AssistantMessage key={entry.id} turn={entry.turn} />
                ),
              )}
            </Stack>
          </ScrollArea>
          <Box
            component="form"
            mt="sm"
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <Stack gap="xs">
              <Textarea
                ref={input}
                label="Message"
                description="Enter sends; Shift+Enter adds a new line"
                placeholder="Write a message…"
                autosize
                minRows={2}
                maxRows={8}
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                onKeyDown={onKeyDown}
              />
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Button
                  variant="subtle"
                  color="gray"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setEntries([])}
                  disabled={streaming || entries.length === 0}
                >
                  New conversation
                </Button>
                {streaming ? (
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconPlayerStopFilled size={16} aria-hidden />}
                    onClick={() => abort.current?.abort()}
                  >
                    Stop
                  </Button>
                ) : (
                  <Button
                    type="submit"
                    leftSection={<IconSend size={16} aria-hidden />}
                    disabled={!draft.trim()}
                  >
                    Send
                  </Button>
                )}
              </Group>
            </Stack>
          </Box>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder padding="md">
          <ChatSettingsForm value={settings} onChange={setSettings} disabled={streaming} />
        </Card>
      </Grid.Col>
    </Grid>
  );
}
