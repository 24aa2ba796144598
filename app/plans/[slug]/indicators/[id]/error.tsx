'use client';

// Same message and retry as the app-wide error page; kept per route so the header and navigation stay usable.
export { default } from '@/app/error';
