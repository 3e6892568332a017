import { Page } from '@/components/ui/page';
import { UploadsSection } from '@/features/model-uploads/components/uploads-section';

/** Model uploads: fine-tuned models and adapters brought to the provider, followed to completion. */
export function ModelUploadsPage() {
  return (
    <Page
      title="Model Uploads"
      description="Upload a fine-tuned model or a LoRA adapter, then serve it from a dedicated endpoint."
    >
      <UploadsSection />
    </Page>
  );
}
