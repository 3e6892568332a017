import { DynamicModule, Global, Module } from '@nestjs/common';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { SPAN_EXPORTER, Tracing } from './tracing';

@Global()
@Module({})
export class TracingModule {
  /** `exporter` replaces the OTLP exporter (tests pass an InMemorySpanExporter). */
  static forRoot(exporter?: SpanExporter): DynamicModule {
    return {
      module: TracingModule,
      providers: [Tracing, ...(exporter ? [{ provide: SPAN_EXPORTER, useValue: exporter }] : [])],
      exports: [Tracing],
    };
  }
}
