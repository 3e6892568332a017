export { SPAN_EXPORTER, Tracing } from './tracing';
export { TracingModule } from './tracing.module';
export { RequestTrace, SPAN, type StepName } from './request-trace';
