// A page that fails to render shows a plain message with a heading, never a blank screen.
import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing the key (the path) clears the error when the person navigates elsewhere. */
  resetKey: string;
  fallback: ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): Partial<{ failedAt: string | null }> {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown): void {
    console.error('page failed to render', error);
    this.setState({ failedAt: this.props.resetKey });
  }

  override render(): ReactNode {
    const { failedAt } = this.state;
    if (failedAt !== null && (failedAt === '' || failedAt === this.props.resetKey)) return this.props.fallback;
    return this.props.children;
  }
}
