'use client';

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isOurs } from '@/lib/failure/ours';
import story from './ScrollExperience.module.css';
import styles from './ScriptFailure.module.css';

interface Props {
  /** The page's story as made at build time: the scroll page's, or every step of the presentation. */
  html: string;
  kind: 'scroll' | 'present';
  children: ReactNode;
}

/**
 * What keeps the text when a script fails. A page's drivers, the light, the motion: any of
 * them may throw, in a render, an effect, a handler or a frame, and without this the framework
 * replaces the whole page with its own error. Here a failure of the page's own scripts, caught
 * by React or left uncaught on the window, puts the story back as it was made at build time (the
 * same HTML, fresh, so nothing is left mid-animation at opacity 0): every word on screen and at
 * rest, with a quiet word that the text edition is there too.
 */
export class ScriptFailure extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidMount() {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  override componentWillUnmount() {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Said once in the console for whoever debugs it; the reader sees only the quiet notice.
    console.error('The story stopped its scripts and shows its text at rest.', error, info.componentStack);
  }

  private readonly onError = (event: ErrorEvent) => {
    if (isOurs(location.origin, event.error, event.filename)) this.fail();
  };

  private readonly onRejection = (event: PromiseRejectionEvent) => {
    if (isOurs(location.origin, event.reason)) this.fail();
  };

  private fail() {
    if (!this.state.failed) this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { html, kind } = this.props;
    return (
      <div className={styles.failed} data-script-failed="">
        <p className={styles.notice} role="status">
          Something on this page stopped working, so the story rests here as plain text.{' '}
          <a href="/read">Read it in the text edition</a>.
        </p>
        {kind === 'scroll' ? (
          <main id="story" className={story.story} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <main id="present-main" className={styles.steps} dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </div>
    );
  }
}
