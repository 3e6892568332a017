import { Tabs } from '@mantine/core';
import { IconMessageChatbot, IconMicrophone, IconPhoto } from '@tabler/icons-react';
import { Page } from '@/components/ui/page';
import { ChatPanel } from '@/features/playground/components/chat-panel';
import { ImagePanel } from '@/features/playground/components/image-panel';
import { SpeechPanel } from '@/features/playground/components/speech-panel';

/** The Playground: chat (streamed), image generation and text to speech, each answer with its source. */
export function PlaygroundPage() {
  return (
    <Page
      title="Playground"
      description="Try the models your tier may use. Each answer shows where it came from."
    >
      <Tabs defaultValue="chat" keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="chat" leftSection={<IconMessageChatbot size={16} aria-hidden />}>
            Chat
          </Tabs.Tab>
          <Tabs.Tab value="image" leftSection={<IconPhoto size={16} aria-hidden />}>
            Image
          </Tabs.Tab>
          <Tabs.Tab value="speech" leftSection={<IconMicrophone size={16} aria-hidden />}>
            Speech
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chat">
          <ChatPanel />
        </Tabs.Panel>
        <Tabs.Panel value="image">
          <ImagePanel />
        </Tabs.Panel>
        <Tabs.Panel value="speech">
          <SpeechPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
