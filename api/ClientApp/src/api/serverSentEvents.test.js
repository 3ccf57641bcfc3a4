import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './serverSentEvents.js';

function streamOf(...chunks) {
  const encoder = new TextEncoder();
  return {
    body: new ReadableStream({
      start(controller) {
        for (const chunk of chunks) {
          controller.enqueue(encoder.encode(chunk));
        }
        controller.close();
      },
    }),
  };
}

describe('readServerSentEvents', () => {
  it('delivers each event with its type, id and parsed JSON data even when split across chunks', async () => {
    const events = [];
    await readServerSentEvents(
      streamOf(
        'event: status\ndata: {"status":"queued","progressPercentage":0}\nid: 1\n\n',
        'event: image\r\ndata: {"status":"processing","image":{"imageId":7',
        ',"url":"/media/a.png"}}\r\nid: 2\r\n\r\n: keep-alive comment\n\n',
      ),
      (event) => events.push(event),
    );
    expect(events).toEqual([
      { type: 'status', id: '1', data: { status: 'queued', progressPercentage: 0 } },
      { type: 'image', id: '2', data: { status: 'processing', image: { imageId: 7, url: '/media/a.png' } } },
    ]);
  });
});
