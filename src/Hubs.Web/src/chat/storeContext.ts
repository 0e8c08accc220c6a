import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatState, ChatStore } from './chatStore';

export const ChatStoreContext = createContext<ChatStore | null>(null);

export function useChatStore(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error('useChatStore outside ChatStoreContext');
  return store;
}

export function useChatState(): ChatState {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
